namespace Lab.Results;

/// <summary>Where the store lives by default: <c>.lab/results.db</c> beside lab.json.</summary>
public static class StorePaths
{
    /// <summary>The default store file for a lab.json path.</summary>
    public static string DefaultFor(string labJsonPath)
    {
        ArgumentNullException.ThrowIfNull(labJsonPath);
        var dir = Path.GetDirectoryName(Path.GetFullPath(labJsonPath)) ?? ".";
        return Path.Combine(dir, ".lab", "results.db");
    }
}
