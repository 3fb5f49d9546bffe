namespace Lab.Orchestrator.Core.Config;

/// <summary>How lab.json names files: relative to lab.json's directory, or to the home directory with <c>~/</c>.</summary>
public static class LabPath
{
    /// <summary>The absolute path of <paramref name="path"/> as lab.json in <paramref name="labDir"/> means it.</summary>
    public static string Resolve(string path, string labDir)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : Path.GetFullPath(path, labDir);
    }
}
