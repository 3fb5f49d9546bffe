using Lab.Dashboard.Data;
using Lab.Dashboard.Features.Runs;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.RunDetail;

/// <summary>Builds the run page: per board, per case, with trouble lines from dmesg and the console.</summary>
internal sealed class RunDetailService
{
    private readonly ResultsReader _reader;

    public RunDetailService(ResultsReader reader) => _reader = reader;

    public RunDetailView? Get(string runId)
    {
        var run = _reader.Run(runId);
        if (run is null)
        {
            return null;
        }

        var boardRuns = _reader.BoardRuns(run.Id).ToDictionary(b => b.BoardId, StringComparer.Ordinal);
        var results = _reader.Results(run);
        var boardIds = run.Boards.Concat(boardRuns.Keys).Concat(results.Select(r => r.BoardId))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var boards = new List<BoardDetail>();
        foreach (var boardId in boardIds)
        {
            var boardResults = results.Where(r => r.BoardId == boardId).ToList();
            var cases = boardResults.Select(CaseResult.Of).ToList();
            var trouble = cases.SelectMany(c => c.Dmesg.Select((line, i) => (line, i))
                    .Where(x => KernelLog.IsTrouble(x.line))
                    .Select(x => new TroubleLine(boardId, "dmesg", x.i + 1, x.line, c.TestId)))
                .ToList();
            boardRuns.TryGetValue(boardId, out var br);
            var counts = br?.Counts ?? StatusCounts.Of(boardResults.Select(r => r.Status));
            if (br?.ConsoleLogId is { } consoleId && _reader.Log(consoleId) is { } console)
            {
                trouble.AddRange(KernelLog.Annotate(console, cases.Select(c => c.TestId)).Where(l => l.Trouble)
                    .Select(l => new TroubleLine(boardId, "console", l.Number, l.Text, l.TestId)));
            }

            boards.Add(new BoardDetail(
                boardId,
                (br?.Status ?? counts.Worst)?.ToKcidb(),
                br?.Health ?? "unknown",
                br?.Attempts ?? 0,
                br?.StartedAt,
                br?.EndedAt,
                counts,
                br?.ConsoleLogId is not null,
                br?.DmesgLogId is not null,
                cases,
                trouble,
                br?.Kernel));
        }

        return new RunDetailView(RunSummary.Of(run), run.Build, run.BuildLogId is not null, boards);
    }

    /// <summary>A board's console log annotated line by line; null when the run, board or log is missing.</summary>
    public IReadOnlyList<LogLine>? Console(string runId, string boardId)
    {
        var run = _reader.Run(runId);
        var br = run is null ? null : _reader.BoardRuns(runId).FirstOrDefault(b => b.BoardId == boardId);
        if (run is null || br?.ConsoleLogId is not { } id || _reader.Log(id) is not { } log)
        {
            return null;
        }

        return KernelLog.Annotate(log, _reader.Results(run, boardId).Select(r => r.TestId));
    }

    /// <summary>The board's kernel log taken at the end of its part; null when missing.</summary>
    public IReadOnlyList<LogLine>? Dmesg(string runId, string boardId)
    {
        var run = _reader.Run(runId);
        var br = run is null ? null : _reader.BoardRuns(runId).FirstOrDefault(b => b.BoardId == boardId);
        if (run is null || br?.DmesgLogId is not { } id || _reader.Log(id) is not { } log)
        {
            return null;
        }

        return KernelLog.Annotate(log, _reader.Results(run, boardId).Select(r => r.TestId));
    }

    /// <summary>One case with its whole log (the excerpt, or the stored full log).</summary>
    public (CaseResult Case, string Log)? Case(string runId, string boardId, string testId)
    {
        var run = _reader.Run(runId);
        var result = run is null ? null : _reader.Results(run, boardId).LastOrDefault(r => r.TestId == testId);
        if (result is null)
        {
            return null;
        }

        var log = (result.LogId is { } id ? _reader.Log(id) : null) ?? result.LogExcerpt ?? string.Empty;
        return (CaseResult.Of(result), log);
    }

    /// <summary>The module build log of a run; null when not kept.</summary>
    public string? BuildLog(string runId) =>
        _reader.Run(runId) is { BuildLogId: { } id } ? _reader.Log(id) : null;
}
