using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Commands;

/// <summary><c>lab results [--run ID] [--json] [--limit N] [lab.json]</c>: runs, or one run's results.</summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var file = LabContext.LabJsonArgument();
        var run = new Option<string?>("--run") { Description = "Show this run's results" };
        var json = new Option<bool>("--json") { Description = "Stable machine-readable output on stdout" };
        var limit = new Option<int>("--limit") { Description = "How many runs to list", DefaultValueFactory = _ => 20 };
        var command = new Command("results", "Show recorded runs, or one run's results") { file, run, json, limit };
        command.SetAction(parse =>
        {
            using var session = LabContext.Open(parse.GetValue(file), readOnly: true, out var failed);
            if (session is null)
            {
                return failed;
            }

            var store = session.Store;

            return parse.GetValue(run) is { } runId
                ? ShowRun(store, runId, parse.GetValue(json))
                : ListRuns(store, parse.GetValue(limit), parse.GetValue(json));
        });
        return command;
    }

    private static int ListRuns(IResultStore store, int limit, bool json)
    {
        var runs = store.ListRuns(new RunQuery(Limit: Math.Max(1, limit)));
        if (json)
        {
            using var w = new Utf8JsonWriter(Console.OpenStandardOutput(), new JsonWriterOptions { Indented = true });
            ResultsJson.WriteRuns(w, runs);
            w.Flush();
            Console.Out.WriteLine();
            return ExitCodes.Ok;
        }

        if (runs.Count == 0)
        {
            Console.WriteLine("no runs recorded yet (start one with ./lab run)");
            return ExitCodes.Ok;
        }

        var table = new TextTable("run", "trigger", "started (UTC)", "duration", "kernel", "state", "status", "pass", "fail", "error", "miss", "skip");
        foreach (var r in runs)
        {
            table.Add(
                r.Id, r.Trigger.ToString().ToLowerInvariant(), r.StartedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                r.Duration is { } d ? Format(d) : "-", (r.Build.KernelReleases is { Count: > 0 } k ? string.Join(", ", k) : "-"), r.State.ToString().ToLowerInvariant(), Status(r.Status),
                Count(r.Counts.Pass), Count(r.Counts.Fail), Count(r.Counts.Error), Count(r.Counts.Miss), Count(r.Counts.Skip));
        }

        table.Write(Console.Out);
        return ExitCodes.Ok;
    }

    private static int ShowRun(IResultStore store, string runId, bool json)
    {
        var run = store.GetRun(runId);
        if (run is null)
        {
            Console.Error.WriteLine($"no run '{runId}' in the store (list them with ./lab results)");
            return ExitCodes.BadInput;
        }

        var boards = store.GetBoardRuns(runId);
        var results = store.GetResults(runId);
        if (json)
        {
            using var w = new Utf8JsonWriter(Console.OpenStandardOutput(), new JsonWriterOptions { Indented = true });
            ResultsJson.WriteRunDetail(w, run, boards, results);
            w.Flush();
            Console.Out.WriteLine();
            return ExitCodes.Ok;
        }

        Console.WriteLine($"run {run.Id}  {run.Trigger.ToString().ToLowerInvariant()}  {run.State.ToString().ToLowerInvariant()}  {Status(run.Status)}"
            + $"  kernel {run.Build.KernelVersion ?? "-"}{(run.Build.KernelSource is { } source ? ", drivers/vfio from " + source : string.Empty)}");
        if (run.Note is { } note)
        {
            Console.WriteLine(note);
        }

        var table = new TextTable("board", "test", "status", "ms", "detail");
        foreach (var r in results)
        {
            var detail = (r.ErrnoName is null ? string.Empty : r.ErrnoName + " ") + (r.Reason ?? string.Empty);
            table.Add(
                (r.BoardId), (r.TestId), Status(r.Status),
                r.Duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture), (detail));
        }

        table.Write(Console.Out);
        return ExitCodes.Ok;
    }

    private static string Status(TestStatus? s) => s?.ToKcidb() ?? "-";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Format(TimeSpan d) =>
        d.TotalHours >= 1 ? d.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : d.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
