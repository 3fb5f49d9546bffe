using System.Diagnostics;

namespace Lab.TestCases.Devices.Pl330;

/// <summary>
/// A user-space PL330 driver over its register window: identity and configuration, event interrupts (INTEN,
/// INTCLR, INTMIS), starting a channel at a program through the debug interface (DMAGO by the manager), killing a
/// channel (DMAKILL by its thread), and the fault status (FSRD, FSRC, FTRD, FTRn) and thread states.
/// </summary>
public sealed class Pl330Controller
{
    private static readonly TimeSpan DebugIdleTimeout = TimeSpan.FromSeconds(1);
    private readonly RegisterWindow _registers;

    /// <summary>Drives the PL330 behind <paramref name="registers"/>.</summary>
    public Pl330Controller(RegisterWindow registers) => _registers = registers ?? throw new ArgumentNullException(nameof(registers));

    /// <summary>The register window.</summary>
    public RegisterWindow Registers => _registers;

    /// <summary>The PrimeCell ids (periph id 0x00241330 for QEMU's r1p2-like model).</summary>
    public PrimeCellIds Ids => PrimeCell.Read(_registers.Read32);

    /// <summary>The decoded configuration registers.</summary>
    public Pl330Config Config => Pl330Config.Read(_registers);

    /// <summary>Events whose interrupt is signalled (INTMIS).</summary>
    public uint PendingInterrupts => _registers.Read32(Pl330Registers.IntMis);

    /// <summary>Channels that are faulting (FSRC).</summary>
    public uint FaultingChannels => _registers.Read32(Pl330Registers.Fsrc);

    /// <summary>True while the manager thread is faulting (FSRD bit 0).</summary>
    public bool ManagerFaulting => (_registers.Read32(Pl330Registers.Fsrd) & 1) != 0;

    /// <summary>The manager's fault type (FTRD).</summary>
    public uint ManagerFaultType => _registers.Read32(Pl330Registers.Ftrd);

    /// <summary>Routes the events of <paramref name="mask"/> to their interrupt lines (INTEN |= mask).</summary>
    public void EnableInterrupts(uint mask) => _registers.Write32(Pl330Registers.Inten, _registers.Read32(Pl330Registers.Inten) | mask);

    /// <summary>Stops routing the events of <paramref name="mask"/> to interrupts (INTEN &amp;= ~mask).</summary>
    public void DisableInterrupts(uint mask) => _registers.Write32(Pl330Registers.Inten, _registers.Read32(Pl330Registers.Inten) & ~mask);

    /// <summary>Clears the interrupts of <paramref name="mask"/> (INTCLR).</summary>
    public void ClearInterrupts(uint mask) => _registers.Write32(Pl330Registers.IntClr, mask);

    /// <summary>Channel <paramref name="channel"/>'s status (CSRn).</summary>
    public uint ChannelStatus(int channel) => _registers.Read32(Pl330Registers.Csr(channel));

    /// <summary>Channel <paramref name="channel"/>'s fault type (FTRn).</summary>
    public uint ChannelFaultType(int channel) => _registers.Read32(Pl330Registers.Ftr(channel));

    /// <summary>Channel <paramref name="channel"/>'s program counter (CPCn).</summary>
    public uint ChannelPc(int channel) => _registers.Read32(Pl330Registers.Cpc(channel));

    /// <summary>Starts channel <paramref name="channel"/> at the program at physical <paramref name="programAddress"/>.</summary>
    public void Start(int channel, uint programAddress) => Execute(Pl330Debug.Go(channel, programAddress));

    /// <summary>Kills channel <paramref name="channel"/> (a faulting channel stops faulting; a running one stops).</summary>
    public void Kill(int channel) => Execute(Pl330Debug.KillChannel(channel));

    /// <summary>Runs one instruction through the debug interface, once it is idle.</summary>
    public void Execute(Pl330Debug instruction)
    {
        var waited = Stopwatch.StartNew();
        while ((_registers.Read32(Pl330Registers.DbgStatus) & 1) != 0)
        {
            if (waited.Elapsed > DebugIdleTimeout)
            {
                throw new TimeoutException($"PL330 debug interface still busy after {DebugIdleTimeout.TotalSeconds} s (DBGSTATUS 1)");
            }

            Thread.Sleep(1);
        }

        _registers.Write32(Pl330Registers.DbgInst0, instruction.Inst0);
        _registers.Write32(Pl330Registers.DbgInst1, instruction.Inst1);
        _registers.Write32(Pl330Registers.DbgCmd, 0);
    }

    /// <summary>One line naming channel <paramref name="channel"/>'s state, PC and faults, for a failure message.</summary>
    public string DescribeChannel(int channel)
    {
        var status = ChannelStatus(channel);
        return $"channel {channel}: {Pl330Faults.State(status)}, PC 0x{ChannelPc(channel):x}, fault {Pl330Faults.Describe(ChannelFaultType(channel))}, FSRC 0x{FaultingChannels:x}";
    }
}
