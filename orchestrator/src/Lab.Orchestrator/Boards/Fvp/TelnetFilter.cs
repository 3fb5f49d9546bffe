namespace Lab.Orchestrator.Boards.Fvp;

/// <summary>
/// Takes telnet commands (RFC 854: IAC WILL/WONT/DO/DONT x, IAC SB ... IAC SE, IAC IAC) out of a byte stream, so
/// a model's terminal is captured as the text the board printed. Stateful across chunks; no options are
/// negotiated (a model's terminal sends its text whatever we answer).
/// </summary>
internal sealed class TelnetFilter
{
    private const byte Iac = 255;
    private const byte Se = 240;
    private const byte Sb = 250;
    private State _state;

    private enum State
    {
        Data,
        Iac,
        Option,
        Sub,
        SubIac,
    }

    /// <summary>The text bytes of <paramref name="chunk"/>.</summary>
    public ReadOnlyMemory<byte> Filter(ReadOnlyMemory<byte> chunk)
    {
        var output = new byte[chunk.Length];
        var n = 0;
        foreach (var b in chunk.Span)
        {
            switch (_state)
            {
                case State.Data when b == Iac:
                    _state = State.Iac;
                    break;
                case State.Data:
                    output[n++] = b;
                    break;
                case State.Iac when b == Iac:
                    output[n++] = Iac;
                    _state = State.Data;
                    break;
                case State.Iac when b == Sb:
                    _state = State.Sub;
                    break;
                case State.Iac when b is >= 251 and <= 254:
                    _state = State.Option;
                    break;
                case State.Iac:
                    _state = State.Data; // a two-byte command (NOP, GA, ...)
                    break;
                case State.Option:
                    _state = State.Data;
                    break;
                case State.Sub when b == Iac:
                    _state = State.SubIac;
                    break;
                case State.Sub:
                    break;
                case State.SubIac:
                    _state = b == Se ? State.Data : State.Sub;
                    break;
            }
        }

        return output.AsMemory(0, n);
    }
}
