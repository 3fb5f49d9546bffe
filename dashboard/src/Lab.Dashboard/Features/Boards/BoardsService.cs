using Lab.Dashboard.Data;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Boards;

/// <summary>Each board the lab has used: health from its last run, the run, the current lease.</summary>
internal sealed class BoardsService
{
    private readonly ResultsReader _reader;

    public BoardsService(ResultsReader reader) => _reader = reader;

    public IReadOnlyList<BoardStatus> All()
    {
        var leases = _reader.Leases().ToDictionary(l => l.BoardId, StringComparer.Ordinal);
        var boards = new List<BoardStatus>();
        foreach (var id in _reader.BoardIds())
        {
            var lastRuns = _reader.Runs(new RunQuery(BoardId: id, Limit: 1));
            var last = lastRuns.Count > 0 ? lastRuns[0] : null;
            var part = last is null ? null : _reader.BoardRuns(last.Id).FirstOrDefault(b => b.BoardId == id);
            leases.TryGetValue(id, out var lease);
            boards.Add(new BoardStatus(
                id,
                part?.Health ?? "unknown",
                last?.Id,
                last?.StartedAt,
                (part?.Status ?? part?.Counts.Worst)?.ToKcidb(),
                lease?.Holder,
                lease?.RunId,
                lease?.ExpiresAt));
        }

        return boards;
    }
}
