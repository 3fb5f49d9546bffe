namespace Lab.Orchestrator.Core.Boards;

/// <summary>
/// The board's state: Off -> Booted -> ModulesLoaded -> DevicesBound, one step at a time, and back to Off.
/// The first failure latches <see cref="BoardState.Broken"/> with its reason; only a recovery (a reset that booted
/// again) or a power off leaves it.
/// </summary>
public sealed class BoardStateMachine
{
    private readonly List<string> _history = [nameof(BoardState.Off)];

    /// <summary>The current state.</summary>
    public BoardState State { get; private set; } = BoardState.Off;

    /// <summary>Why the board is broken; null unless <see cref="State"/> is Broken.</summary>
    public string? BrokenReason { get; private set; }

    /// <summary>Every state entered, in order (for the board run's record and the tests).</summary>
    public IReadOnlyList<string> History => _history;

    /// <summary>Moves to <paramref name="next"/>; throws when the move skips a state or leaves Broken without a recovery.</summary>
    public void MoveTo(BoardState next)
    {
        if (next == BoardState.Broken)
        {
            throw new ArgumentException("use Fail(reason) to break a board", nameof(next));
        }

        var allowed = next switch
        {
            BoardState.Off => true,
            BoardState.Booted => State is BoardState.Off or BoardState.Broken or BoardState.Booted
                || State is BoardState.ModulesLoaded or BoardState.DevicesBound, // a reset, or modules unloaded
            BoardState.ModulesLoaded => State is BoardState.Booted or BoardState.DevicesBound,
            BoardState.DevicesBound => State == BoardState.ModulesLoaded,
            _ => false,
        };
        if (!allowed || (State == BoardState.Broken && next != BoardState.Off && next != BoardState.Booted))
        {
            throw new InvalidOperationException($"board state {State} cannot move to {next}");
        }

        if (next != BoardState.Broken)
        {
            BrokenReason = null;
        }

        State = next;
        _history.Add(next.ToString());
    }

    /// <summary>Latches Broken with <paramref name="reason"/>; a second failure keeps the first reason.</summary>
    public void Fail(string reason)
    {
        if (State == BoardState.Broken)
        {
            return;
        }

        State = BoardState.Broken;
        BrokenReason = reason;
        _history.Add(nameof(BoardState.Broken));
    }
}
