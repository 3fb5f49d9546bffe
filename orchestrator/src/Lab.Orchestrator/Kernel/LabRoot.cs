namespace Lab.Orchestrator.Kernel;

/// <summary>Finds the repository root (the folder with <c>kernel/build-modules.sh</c>): LAB_ROOT, else upwards from the binary, else the current folder.</summary>
internal static class LabRoot
{
    /// <summary>The repository root; throws when none is found.</summary>
    public static string Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("LAB_ROOT");
        if (!string.IsNullOrEmpty(fromEnv) && IsRoot(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (IsRoot(dir.FullName))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("cannot find the VfioLab checkout (no kernel/build-modules.sh above the binary); set LAB_ROOT");
    }

    /// <summary>The <c>kernel/</c> folder of the checkout.</summary>
    public static string KernelDirectory() => Path.Combine(Find(), "kernel");

    private static bool IsRoot(string dir) => File.Exists(Path.Combine(dir, "kernel", "build-modules.sh"));
}
