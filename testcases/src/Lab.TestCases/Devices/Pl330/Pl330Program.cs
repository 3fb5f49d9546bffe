namespace Lab.TestCases.Devices.Pl330;

/// <summary>A register DMAMOV sets.</summary>
public enum Pl330MovRegister : byte
{
    /// <summary>Source address register.</summary>
    Sar = 0,

    /// <summary>Channel control register.</summary>
    Ccr = 1,

    /// <summary>Destination address register.</summary>
    Dar = 2,
}

/// <summary>
/// A PL330 microcode assembler for the instructions the lab's programs use (ARM DDI 0424 chapter 4): DMAMOV, DMALP
/// and DMALPEND (finite loops on LC0 and LC1, nested), DMALD, DMAST, DMAWMB, DMARMB, DMASEV, DMAEND, DMAKILL, DMANOP,
/// and any raw byte (an undefined opcode for the fault case). Little-endian, as the controller fetches it.
/// </summary>
public sealed class Pl330Program
{
    private readonly List<byte> _code = [];
    private readonly Stack<(int Counter, int Body)> _loops = new();

    /// <summary>Bytes so far.</summary>
    public int Length => _code.Count;

    /// <summary>True while a DMALP has no DMALPEND yet.</summary>
    public bool InLoop => _loops.Count > 0;

    /// <summary>The program's bytes.</summary>
    public byte[] ToArray() => _loops.Count == 0 ? [.. _code] : throw new InvalidOperationException($"{_loops.Count} DMALP without DMALPEND");

    /// <summary>DMAMOV <paramref name="register"/>, <paramref name="value"/>: BC rd imm32.</summary>
    public Pl330Program Mov(Pl330MovRegister register, uint value)
    {
        _code.Add(0xBC);
        _code.Add((byte)register);
        _code.Add((byte)value);
        _code.Add((byte)(value >> 8));
        _code.Add((byte)(value >> 16));
        _code.Add((byte)(value >> 24));
        return this;
    }

    /// <summary>DMALP LC<paramref name="counter"/>, <paramref name="iterations"/> (1-256): 20|lc&lt;&lt;1, iterations-1.</summary>
    public Pl330Program Loop(int counter, int iterations)
    {
        if (counter is not (0 or 1)) { throw new ArgumentOutOfRangeException(nameof(counter), counter, "LC0 or LC1"); }
        if (iterations is < 1 or > 256) { throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "1-256 iterations"); }
        if (_loops.Any(l => l.Counter == counter)) { throw new InvalidOperationException($"LC{counter} is already the counter of an open loop"); }
        _code.Add((byte)(0x20 | (counter << 1)));
        _code.Add((byte)(iterations - 1));
        _loops.Push((counter, _code.Count));
        return this;
    }

    /// <summary>DMALPEND of the innermost open loop: 38|lc&lt;&lt;2 (finite, unconditional), the jump back to its body.</summary>
    public Pl330Program EndLoop()
    {
        if (_loops.Count == 0) { throw new InvalidOperationException("DMALPEND without DMALP"); }
        var (counter, body) = _loops.Pop();
        var jump = _code.Count - body;
        if (jump is < 1 or > 255) { throw new InvalidOperationException($"a loop body of {jump} bytes: DMALPEND jumps back 1-255 bytes"); }
        _code.Add((byte)(0x38 | (counter << 2)));
        _code.Add((byte)jump);
        return this;
    }

    /// <summary>DMALD: 04.</summary>
    public Pl330Program Load() => Add(0x04);

    /// <summary>DMAST: 08.</summary>
    public Pl330Program Store() => Add(0x08);

    /// <summary>DMAWMB: 13.</summary>
    public Pl330Program WriteBarrier() => Add(0x13);

    /// <summary>DMARMB: 12.</summary>
    public Pl330Program ReadBarrier() => Add(0x12);

    /// <summary>DMASEV <paramref name="evt"/> (0-31): 34, event&lt;&lt;3.</summary>
    public Pl330Program SendEvent(int evt)
    {
        if (evt is < 0 or > 31) { throw new ArgumentOutOfRangeException(nameof(evt), evt, "events 0-31"); }
        _code.Add(0x34);
        _code.Add((byte)(evt << 3));
        return this;
    }

    /// <summary>DMAEND: 00.</summary>
    public Pl330Program End() => Add(0x00);

    /// <summary>DMAKILL: 01.</summary>
    public Pl330Program Kill() => Add(0x01);

    /// <summary>DMANOP: 18.</summary>
    public Pl330Program Nop() => Add(0x18);

    /// <summary>Any byte, e.g. an opcode the PL330 does not define.</summary>
    public Pl330Program Raw(byte value) => Add(value);

    private Pl330Program Add(byte b)
    {
        _code.Add(b);
        return this;
    }
}
