namespace Lab.TestCases.Devices.Pl330;

/// <summary>
/// An instruction for the debug interface (DBGINST0/1, executed by writing 0 to DBGCMD): DMAGO by the manager thread
/// starts a channel at a program's address; DMAKILL by a channel thread stops it; DMASEV by the manager signals an
/// event. DBGINST0 holds the thread (bit 0: 0 manager, 1 channel), the channel (10:8) and instruction bytes 0-1
/// (23:16, 31:24); DBGINST1 bytes 2-5.
/// </summary>
/// <param name="Inst0">The DBGINST0 value.</param>
/// <param name="Inst1">The DBGINST1 value.</param>
public readonly record struct Pl330Debug(uint Inst0, uint Inst1)
{
    /// <summary>DMAGO <paramref name="channel"/>, <paramref name="address"/> by the manager: A0|ns&lt;&lt;1, channel, imm32.</summary>
    public static Pl330Debug Go(int channel, uint address, bool nonSecure = false)
    {
        CheckChannel(channel);
        var opcode = 0xA0u | (nonSecure ? 2u : 0u);
        return new Pl330Debug((opcode << 16) | ((uint)channel << 24), address);
    }

    /// <summary>DMAKILL by channel <paramref name="channel"/>'s thread.</summary>
    public static Pl330Debug KillChannel(int channel)
    {
        CheckChannel(channel);
        return new Pl330Debug((0x01u << 16) | ((uint)channel << 8) | 1u, 0);
    }

    /// <summary>DMASEV <paramref name="evt"/> by the manager.</summary>
    public static Pl330Debug SendEvent(int evt)
    {
        if (evt is < 0 or > 31) { throw new ArgumentOutOfRangeException(nameof(evt), evt, "events 0-31"); }
        return new Pl330Debug((0x34u << 16) | ((uint)(evt << 3) << 24), 0);
    }

    private static void CheckChannel(int channel)
    {
        if (channel is < 0 or > 7) { throw new ArgumentOutOfRangeException(nameof(channel), channel, "channels 0-7"); }
    }
}
