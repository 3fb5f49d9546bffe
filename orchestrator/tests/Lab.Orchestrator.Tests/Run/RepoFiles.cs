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

    /// <summary>The shipped lab.json to change and write elsewhere: every kernel's patch queue made a full path (it is relative to lab.json).</summary>
    public static JsonObject LabJson()
    {
        var lab = (JsonObject)JsonNode.Parse(File.ReadAllText(Path("lab.json")))!;
        foreach (var (_, kernel) in lab["kernels"]!.AsObject())
        {
            if (kernel?["patchQueue"] is { } queue)
            {
                kernel["patchQueue"] = Path((string)queue!);
            }
        }

        return lab;
    }
}
