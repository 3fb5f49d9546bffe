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
}
