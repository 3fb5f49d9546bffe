using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// A board taken for one board run: an expiring lease in the store, renewed while the run goes on and given back at
/// the end (<c>await using</c>). A holder that dies stops renewing, and the lease expires by itself. Two runs, from
/// two shells or a shell and the dashboard, never share a board.
/// </summary>
public sealed class BoardLeaseHolder : IAsyncDisposable
{
    /// <summary>How long a lease lives without a renewal.</summary>
    public static TimeSpan Ttl { get; } = TimeSpan.FromSeconds(90);

    private readonly IResultStore _store;
    private readonly string _boardId;
    private readonly string _holder;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    private BoardLeaseHolder(IResultStore store, string boardId, string holder, TimeProvider time)
    {
        _store = store;
        _boardId = boardId;
        _holder = holder;
        _renewing = RenewAsync(time);
    }

    /// <summary>True while the lease was renewed in time (false: it expired and someone else may have it).</summary>
    public bool Held { get; private set; } = true;

    /// <summary>Takes <paramref name="boardId"/> for <paramref name="holder"/>; null (with who holds it) when it is taken.</summary>
    public static BoardLeaseHolder? TryTake(IResultStore store, string boardId, string holder, string? runId, TimeProvider time, out BoardLease? heldBy)
    {
        ArgumentNullException.ThrowIfNull(store);
        heldBy = null;
        if (store.TryAcquireLease(boardId, holder, runId, Ttl) is null)
        {
            heldBy = store.GetLeases().FirstOrDefault(l => l.BoardId == boardId);
            return null;
        }

        return new BoardLeaseHolder(store, boardId, holder, time);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _renewing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        try
        {
            _store.ReleaseLease(_boardId, _holder);
        }
        catch (ResultStoreException)
        {
            // The store is failing; the lease expires by itself.
        }

        _stop.Dispose();
    }

    private async Task RenewAsync(TimeProvider time)
    {
        using var timer = new PeriodicTimer(Ttl / 3, time);
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            try
            {
                Held = _store.RenewLease(_boardId, _holder, Ttl) && Held;
            }
            catch (ResultStoreException)
            {
                Held = false;
            }
        }
    }
}
