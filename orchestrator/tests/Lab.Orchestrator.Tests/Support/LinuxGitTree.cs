using System.Diagnostics;
using Lab.Orchestrator.Kernel;
using Lab.Orchestrator.Tests.Run;

namespace Lab.Orchestrator.Tests.Support;

/// <summary>
/// A real git tree of Linux's drivers/vfio made for a test from Debian's linux-source-6.1 (the part the lab
/// extracts): a first commit of the pristine sources, a second with the lab's 6.1 patch queue applied (the probe
/// fix a developer's tree would carry), then the commits a test asks for, each a real change of the C sources.
/// </summary>
internal sealed class LinuxGitTree
{
    private LinuxGitTree(string path) => Path = path;

    /// <summary>The tree's top directory.</summary>
    public string Path { get; }

    /// <summary>drivers/vfio of Debian's 6.1 sources committed, then the 6.1 patch queue as a second commit; returns the tree.</summary>
    public static async Task<LinuxGitTree> CreateAsync(string directory)
    {
        Prerequisites.RequireOnPath("git", "build");
        await SharedQemuBoard.ModulesAsync(CancellationToken.None); // extracts drivers/vfio of linux-source once
        var kernel = await new DebianKernel(new ScriptRunner(TimeProvider.System), SharedQemuBoard.LogDirectory).FetchAsync("arm64", CancellationToken.None);
        var pristine = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(kernel.EnvPath)!, "vfio-src", "drivers", "vfio");
        Assert.That(Directory.Exists(pristine), Is.True, $"drivers/vfio of linux-source at {pristine}");
        var tree = new LinuxGitTree(directory);
        foreach (var file in Directory.EnumerateFiles(pristine, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(directory, "drivers", "vfio", System.IO.Path.GetRelativePath(pristine, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        await tree.GitAsync("init", "-q");
        await tree.CommitAllAsync($"Linux {kernel.Version}: drivers/vfio from Debian's linux-source");
        foreach (var patch in File.ReadAllLines(RepoFiles.Path("kernel/patches/6.1/series")).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            await RunAsync(directory, "patch", "-p1", "--batch", "-i", RepoFiles.Path("kernel/patches/6.1/" + patch.Trim()));
        }

        await tree.CommitAllAsync("vfio/platform: probe without a reset handler when none is required (as upstream v6.3)");
        return tree;
    }

    /// <summary>The full sha of a revision.</summary>
    public async Task<string> CommitOfAsync(string revision) => (await GitAsync("rev-parse", revision)).Trim();

    /// <summary>Replaces the one occurrence of <paramref name="from"/> in a file of drivers/vfio (failing the test when it is not exactly one).</summary>
    public void Edit(string file, string from, string to)
    {
        var path = System.IO.Path.Combine(Path, "drivers", "vfio", file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"'{from}' in {file}");
        Assert.That(text.IndexOf(from, at + from.Length, StringComparison.Ordinal), Is.EqualTo(-1), $"'{from}' once in {file}");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length)));
    }

    /// <summary>Adds a C comment at the end of a file of drivers/vfio.</summary>
    public void Comment(string file, string text) =>
        File.AppendAllText(System.IO.Path.Combine(Path, "drivers", "vfio", file), $"\n/* {text} */\n");

    /// <summary>Commits every change with <paramref name="subject"/>; returns the new commit's sha.</summary>
    public async Task<string> CommitAllAsync(string subject)
    {
        await GitAsync("add", "-A");
        await GitAsync("-c", "user.name=Lab Test", "-c", "user.email=lab@localhost", "commit", "-q", "--no-gpg-sign", "-m", subject);
        return await CommitOfAsync("HEAD");
    }

    private Task<string> GitAsync(params string[] args) => RunAsync(Path, "git", args);

    private static async Task<string> RunAsync(string directory, string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment["HOME"] = directory; // no user's git config
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"{tool} {string.Join(' ', args)}: {await error}");
        return await output;
    }
}
