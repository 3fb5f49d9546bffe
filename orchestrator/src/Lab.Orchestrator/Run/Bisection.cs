using System.Globalization;
using Lab.Orchestrator.Core.Bisect;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Kernel;

namespace Lab.Orchestrator.Run;

/// <summary>
/// <c>lab bisect</c>: finds the first commit of a git tree between a good and a bad revision on which one case
/// fails. Each step is a whole run (build of that commit's drivers/vfio against the board's kernel, boot, bind,
/// the case, restore) stored like any other, its build naming the commit; the case passing on every device marks
/// the commit good, failing on one marks it bad, anything else (the build, the board, an ERROR) skips it. The
/// bisection itself (its steps and what it found) is stored after every step, so the dashboard shows it as it goes.
/// </summary>
internal sealed class Bisection(LabConfigResult lab, IResultStore results, IBisectionStore bisections, RunProgress progress, TimeProvider time, TextWriter output)
{
    private readonly LabConfigResult _lab = lab;
    private readonly IResultStore _results = results;
    private readonly IBisectionStore _bisections = bisections;
    private readonly RunProgress _progress = progress;
    private readonly TimeProvider _time = time;
    private readonly TextWriter _output = output;

    /// <summary>Runs the bisection to its end (or until <paramref name="ct"/> stops it) and returns it as stored.</summary>
    public async Task<BisectionRecord> RunAsync(BisectRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var git = new GitTree(request.Tree);
        if (!await git.IsGitAsync(ct).ConfigureAwait(false))
        {
            throw new GitException($"{request.Tree} is not a git tree");
        }

        var good = await git.CommitAsync(request.Good, ct).ConfigureAwait(false);
        var bad = await git.CommitAsync(request.Bad, ct).ConfigureAwait(false);
        if (good == bad || !await git.IsAncestorAsync(good, bad, ct).ConfigureAwait(false))
        {
            throw new GitException($"the good commit {good[..12]} is not an ancestor of the bad commit {bad[..12]} in {request.Tree}");
        }

        var commits = await git.CommitsBetweenAsync(good, bad, ct).ConfigureAwait(false);
        var search = new BisectSearch(commits);
        var record = _bisections.StartBisection(new BisectionRecord(string.Empty, request.Tree, good, bad, request.CaseId, request.BoardId, _time.GetUtcNow())
        {
            Candidates = commits.Count,
        });
        await _output.WriteLineAsync($"bisect {record.Id}: {commits.Count} commits after {good[..12]} up to {bad[..12]}; case {request.CaseId} on {request.BoardId}")
            .ConfigureAwait(false);

        var steps = new List<BisectionStep>();
        while (!ct.IsCancellationRequested && search.Next is { } commit)
        {
            var subject = await git.SubjectAsync(commit, ct).ConfigureAwait(false);
            await _output.WriteLineAsync(
                $"bisect: step {steps.Count + 1}: {commit[..12]} {subject} ({search.Remaining} in doubt, about {StepsLeft(search.Remaining)} left)").ConfigureAwait(false);
            var outcome = await RunCommitAsync(request, commit, ct).ConfigureAwait(false);
            var (verdict, reason) = outcome.Cancelled
                ? (BisectVerdict.Skip, "stopped by the user")
                : Judge(request.CaseId, _results.GetResults(outcome.Run.Id, request.BoardId), outcome);
            search.Mark(commit, verdict);
            steps.Add(new BisectionStep(commit, subject, outcome.Run.Id, verdict, reason));
            record = record with { Steps = [.. steps] };
            _bisections.SaveBisection(record);
            await _output.WriteLineAsync($"bisect: {commit[..12]} is {verdict.ToString().ToLowerInvariant()} (run {outcome.Run.Id}: {reason})").ConfigureAwait(false);
        }

        record = await ConcludeAsync(record, search, git, ct.IsCancellationRequested, ct).ConfigureAwait(false);
        _bisections.SaveBisection(record);
        await _output.WriteLineAsync(record.Note).ConfigureAwait(false);
        return record;
    }

    /// <summary>Good when the case passed on every device it ran on, bad when it failed on one, skip otherwise (with why).</summary>
    public static (BisectVerdict Verdict, string Reason) Judge(string caseId, IReadOnlyList<TestResultRecord> results, RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(outcome);
        var ran = results.Where(r => r.TestId == caseId || r.TestId.StartsWith(caseId + "@", StringComparison.Ordinal)).ToList();
        var each = string.Join(", ", ran.Select(r => $"{r.TestId} {r.Status.ToKcidb()}"));
        if (ran.Any(r => r.Status == TestStatus.Fail))
        {
            var failed = ran.First(r => r.Status == TestStatus.Fail);
            return (BisectVerdict.Bad, each + (failed.Reason is { } why ? $" ({Core.Text.Escape(why, 160)})" : string.Empty));
        }

        if (ran.Count > 0 && ran.All(r => r.Status == TestStatus.Pass))
        {
            return (BisectVerdict.Good, each);
        }

        // What stopped the board (a failed build, boot or bind is a MISS lab.board.STEP) says why the commit cannot be judged.
        var broken = results.FirstOrDefault(r => r.TestId.StartsWith("lab.board.", StringComparison.Ordinal) && r.Status != TestStatus.Pass);
        return (BisectVerdict.Skip, broken is not null
            ? $"{broken.TestId} {broken.Status.ToKcidb()}: {Core.Text.Escape(broken.Reason ?? string.Empty, 160)}"
            : ran.Count > 0 ? each : $"the case did not run ({(outcome.Boards.Count > 0 ? outcome.Boards[0].Health : "no board")})");
    }

    /// <summary>The steps a search over <paramref name="inDoubt"/> commits takes without skips: the base-2 logarithm, rounded up.</summary>
    private static string StepsLeft(int inDoubt) => (int)Math.Ceiling(Math.Log2(inDoubt + 1)) is var n && n == 1 ? "1 step" : $"{n} steps";

    private async Task<RunOutcome> RunCommitAsync(BisectRequest request, string commit, CancellationToken ct)
    {
        // The board's own kernel with the tree in place of its source and patch queue, pinned to this commit.
        var spec = new JobSpec([request.BoardId], request.CaseId, RunTrigger.Manual, Environment.UserName, JobPriority.Normal) { Tree = request.Tree };
        var (lab, boards) = JobConfig.Apply(_lab, spec, out var problem) ?? throw new InvalidDataException(problem);
        var kernelName = boards[0].Kernel;
        var kernels = new Dictionary<string, KernelConfig>(lab.Config!.Kernels, StringComparer.Ordinal)
        {
            [kernelName] = lab.Config.Kernels[kernelName] with { Revision = commit },
        };
        lab = lab with { Config = lab.Config with { Kernels = kernels } };
        var run = new RunRequest(request.BoardId, request.CaseId, RunTrigger.Manual) { Who = $"{Environment.UserName} (lab bisect {commit[..12]})" };
        return await new LabRun(lab, _results, _progress, _time).ExecuteAsync(run, boards, ct).ConfigureAwait(false);
    }

    private async Task<BisectionRecord> ConcludeAsync(BisectionRecord record, BisectSearch search, GitTree git, bool stopped, CancellationToken ct)
    {
        var ended = record with { EndedAt = _time.GetUtcNow() };
        if (stopped)
        {
            return ended with { Note = $"bisect {record.Id}: stopped by the user after {record.Steps.Count} steps ({search.Remaining} commits still in doubt)" };
        }

        var candidates = search.FirstBadCandidates;
        if (candidates.Count == 1)
        {
            var subject = await git.SubjectAsync(candidates[0], CancellationToken.None).ConfigureAwait(false);
            return ended with
            {
                FirstBad = candidates[0],
                FirstBadSubject = subject,
                Note = $"bisect {record.Id}: first bad commit: {candidates[0]} {subject} ({record.Steps.Count} steps)",
            };
        }

        var list = string.Join(", ", await Task.WhenAll(candidates.Select(async c => $"{c[..12]} {await git.SubjectAsync(c, ct).ConfigureAwait(false)}")).ConfigureAwait(false));
        return ended with
        {
            Note = $"bisect {record.Id}: the first bad commit is one of {candidates.Count.ToString(CultureInfo.InvariantCulture)} (skipped commits could not be judged): {list}",
        };
    }
}
