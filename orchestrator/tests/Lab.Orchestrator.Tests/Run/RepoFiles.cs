using System.Text.Json.Nodes;

namespace Lab.Orchestrator.Tests.Run;

/// <summary>Files of the checkout the tests run from.</summary>
internal static class RepoFiles
{
    public static string Path(string relative)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Lab.sln")))
        {
            dir = dir.Parent;
        }

        Assert.That(dir, Is.Not.Null, "the tests do not run from a VfioLab checkout");
        return System.IO.Path.Combine(dir!.FullName, relative);
    }

    /// <summary>
    /// The shipped lab.json to change and write elsewhere: every kernel's patch queue made a full path (it is relative
    /// to lab.json), and each board on its own kernel only (a test of the several kernels of a board says so itself).
    /// </summary>
    public static JsonObject LabJson(bool everyKernel = false)
    {
        var lab = (JsonObject)JsonNode.Parse(File.ReadAllText(Path("lab.json")))!;
        if (!everyKernel)
        {
            foreach (var board in lab["boards"]!.AsArray())
            {
                board!.AsObject().Remove("kernels");
            }
        }

        foreach (var (_, kernel) in lab["kernels"]!.AsObject())
        {
            if (kernel?["patchQueue"] is { } queue)
            {
                kernel["patchQueue"] = Path((string)queue!);
            }
        }

        return lab;
    }

    /// <summary>Writes the shipped lab.json (<see cref="LabJson"/>) into <paramref name="directory"/> with its store there too; returns its path.</summary>
    public static string WriteLabJson(string directory, bool everyKernel = false)
    {
        var lab = LabJson(everyKernel);
        lab["store"] = System.IO.Path.Combine(directory, "results.db");
        var path = System.IO.Path.Combine(directory, "lab.json");
        File.WriteAllText(path, lab.ToJsonString());
        return path;
    }
}
