using System.Collections.Concurrent;
using System.Diagnostics;
using Lab.Vfio.Interop;

namespace Lab.Vfio.Tests.Layout;

/// <summary>
/// Runs agents/layout/vfio-layout.sh with a C compiler (once per compiler and mode per test run) and returns
/// its table. A missing compiler fails the test, naming scripts/setup-host.sh.
/// </summary>
internal static class CompilerTables
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<LayoutEntry>> Cache = new();

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "agents", "layout", "vfio-layout.sh")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("agents/layout/vfio-layout.sh not found above the test directory");
        }
    }

    /// <summary>The table <paramref name="cc"/> gives, compile-only (-S) or, with <paramref name="run"/>, built and run on the host.</summary>
    public static IReadOnlyList<LayoutEntry> Get(string cc, bool run = false) =>
        Cache.GetOrAdd(cc + (run ? " --run" : string.Empty), _ => Generate(cc, run));

    private static IReadOnlyList<LayoutEntry> Generate(string cc, bool run)
    {
        var onPath = Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(d => File.Exists(Path.Combine(d, cc)));
        Assert.That(onPath, Is.True, $"C compiler '{cc}' is missing: run scripts/setup-host.sh (group 'cross' or 'build')");
        var output = Path.Combine(Path.GetTempPath(), "lab-vfio-layout-" + Guid.NewGuid().ToString("N") + ".txt");
        var psi = new ProcessStartInfo("bash")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(RepoRoot, "agents", "layout", "vfio-layout.sh"));
        if (run) { psi.ArgumentList.Add("--run"); }
        psi.ArgumentList.Add(cc);
        psi.ArgumentList.Add(output);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.Zero, $"vfio-layout.sh {cc} failed (run scripts/setup-host.sh if a tool is missing): {stderr.Result}");
        try
        {
            return LayoutTable.Parse(File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }
}
