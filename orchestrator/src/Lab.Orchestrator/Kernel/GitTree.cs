using System.Diagnostics;
using System.Text;
using Lab.Orchestrator.Core;

namespace Lab.Orchestrator.Kernel;

/// <summary>
/// Read-only questions to a developer's git tree (commits, subjects, ancestry, the state of drivers/vfio), each an
/// argv list to <c>git -C TREE</c>, bounded to a minute. Nothing here changes the tree or its checkout.
/// </summary>
internal sealed class GitTree(string path)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>The tree's top directory, as given.</summary>
    public string Path { get; } = path;

    /// <summary>True when <see cref="Path"/> is inside a git work tree.</summary>
    public async Task<bool> IsGitAsync(CancellationToken ct) =>
        (await RunAsync(["rev-parse", "--is-inside-work-tree"], ct).ConfigureAwait(false)).Exit == 0;

    /// <summary>The full sha of <paramref name="revision"/>; a <see cref="GitException"/> naming it when it is not a commit of the tree.</summary>
    public async Task<string> CommitAsync(string revision, CancellationToken ct)
    {
        var r = await RunAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], ct).ConfigureAwait(false);
        return r.Exit == 0 && r.Output.Trim() is { Length: 40 } sha
            ? sha
            : throw new GitException($"'{Text.Escape(revision, 60)}' is not a commit of the git tree {Path}");
    }

    /// <summary>The first line of a commit's message, made safe for one terminal line.</summary>
    public async Task<string> SubjectAsync(string commit, CancellationToken ct)
    {
        var r = await CheckedAsync(["log", "-1", "--format=%s", commit], ct).ConfigureAwait(false);
        return Text.Escape(r.Trim(), 120);
    }

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="commit"/> or one of its ancestors.</summary>
    public async Task<bool> IsAncestorAsync(string ancestor, string commit, CancellationToken ct)
    {
        var r = await RunAsync(["merge-base", "--is-ancestor", ancestor, commit], ct).ConfigureAwait(false);
        return r.Exit switch
        {
            0 => true,
            1 => false,
            _ => throw new GitException($"git merge-base --is-ancestor in {Path} failed: {Text.Escape(r.Output.Trim(), 200)}"),
        };
    }

    /// <summary>The commits after <paramref name="good"/> up to <paramref name="bad"/> that descend from good, oldest first (bad last).</summary>
    public async Task<IReadOnlyList<string>> CommitsBetweenAsync(string good, string bad, CancellationToken ct)
    {
        var r = await CheckedAsync(["rev-list", "--reverse", "--topo-order", "--ancestry-path", good + ".." + bad], ct).ConfigureAwait(false);
        return r.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// What the checked-out drivers/vfio is: <c>at SHA12</c>, plus "with uncommitted changes in drivers/vfio" when
    /// it differs from HEAD; null when the tree is not a git tree (or has no commit yet).
    /// </summary>
    public async Task<string?> DescribeCheckoutAsync(CancellationToken ct)
    {
        var head = await RunAsync(["rev-parse", "--verify", "--quiet", "HEAD"], ct).ConfigureAwait(false);
        if (head.Exit != 0 || head.Output.Trim() is not { Length: 40 } sha)
        {
            return null;
        }

        var status = await CheckedAsync(["status", "--porcelain", "--", "drivers/vfio"], ct).ConfigureAwait(false);
        return $"at {sha[..12]} {await SubjectAsync(sha, ct).ConfigureAwait(false)}"
            + (status.Trim().Length > 0 ? " + uncommitted changes in drivers/vfio" : string.Empty);
    }

    private async Task<string> CheckedAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var r = await RunAsync(args, ct).ConfigureAwait(false);
        return r.Exit == 0
            ? r.Output
            : throw new GitException($"git {args[0]} in {Path} failed (exit {r.Exit}): {Text.Escape(r.Output.Trim(), 200)}");
    }

    private async Task<(int Exit, string Output)> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-C");
        psi.ArgumentList.Add(Path);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["LC_ALL"] = "C";
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GitException($"cannot run git ({e.Message}): run scripts/setup-host.sh build", e);
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(Timeout);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(bounded.Token);
            var error = process.StandardError.ReadToEndAsync(bounded.Token);
            await process.WaitForExitAsync(bounded.Token).ConfigureAwait(false);
            var text = new StringBuilder(await output.ConfigureAwait(false));
            if (process.ExitCode != 0)
            {
                text.Append(await error.ConfigureAwait(false));
            }

            return (process.ExitCode, text.ToString());
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new GitException($"git {args[0]} in {Path} did not end within {Timeout.TotalSeconds:0} s");
        }
    }
}
