namespace Lab.TestCases.Devices.Pl330;

/// <summary>
/// The PL330 (DMA-330) register map (ARM DDI 0424), byte offsets in its 4 KiB region: the manager's and the
/// channels' status, the event interrupts, the fault status, the channel registers, the debug interface that
/// starts and kills threads, and the configuration registers.
/// </summary>
public static class Pl330Registers
{
    /// <summary>DMA manager status: state in bits 3:0, the event it waits for in 8:4, NS in 9.</summary>
    public const ulong Dsr = 0x000;

    /// <summary>DMA manager program counter.</summary>
    public const ulong Dpc = 0x004;

    /// <summary>Interrupt enable: bit n routes event n to its IRQ line instead of the event status.</summary>
    public const ulong Inten = 0x020;

    /// <summary>Event-interrupt raw status.</summary>
    public const ulong IntEventRis = 0x024;

    /// <summary>Interrupt status (enabled events that are signalled).</summary>
    public const ulong IntMis = 0x028;

    /// <summary>Interrupt clear: write bit n to clear event n's interrupt.</summary>
    public const ulong IntClr = 0x02C;

    /// <summary>Fault status, manager: bit 0 when the manager faults.</summary>
    public const ulong Fsrd = 0x030;

    /// <summary>Fault status, channels: bit n when channel n faults.</summary>
    public const ulong Fsrc = 0x034;

    /// <summary>Fault type, manager.</summary>
    public const ulong Ftrd = 0x038;

    /// <summary>Debug status: bit 0 while the debug interface is busy.</summary>
    public const ulong DbgStatus = 0xD00;

    /// <summary>Debug command: write 0 to execute the instruction in DBGINST0/1.</summary>
    public const ulong DbgCmd = 0xD04;

    /// <summary>Debug instruction 0: thread (bit 0: 1 = channel), channel (10:8), instruction bytes 0 and 1 (23:16, 31:24).</summary>
    public const ulong DbgInst0 = 0xD08;

    /// <summary>Debug instruction 1: instruction bytes 2-5.</summary>
    public const ulong DbgInst1 = 0xD0C;

    /// <summary>Configuration 0: peripheral requests, boot, channels, events.</summary>
    public const ulong Cr0 = 0xE00;

    /// <summary>Configuration 1: instruction cache.</summary>
    public const ulong Cr1 = 0xE04;

    /// <summary>Configuration 2: the manager's boot address.</summary>
    public const ulong Cr2 = 0xE08;

    /// <summary>Configuration 3: the security state of each event interrupt at boot.</summary>
    public const ulong Cr3 = 0xE0C;

    /// <summary>Configuration 4: the security state of each peripheral request at boot.</summary>
    public const ulong Cr4 = 0xE10;

    /// <summary>DMA configuration: data bus width, read/write issuing capability and queue depths, data buffer depth.</summary>
    public const ulong Crd = 0xE14;

    /// <summary>The PL330's part number in its PrimeCell peripheral id.</summary>
    public const uint Part = 0x330;

    /// <summary>Fault type of channel <paramref name="channel"/>.</summary>
    public static ulong Ftr(int channel) => 0x040 + (4 * Checked(channel));

    /// <summary>Channel status of <paramref name="channel"/>: state in bits 3:0.</summary>
    public static ulong Csr(int channel) => 0x100 + (8 * Checked(channel));

    /// <summary>Channel program counter of <paramref name="channel"/>.</summary>
    public static ulong Cpc(int channel) => 0x104 + (8 * Checked(channel));

    /// <summary>Source address of <paramref name="channel"/>.</summary>
    public static ulong Sar(int channel) => 0x400 + (0x20 * Checked(channel));

    /// <summary>Destination address of <paramref name="channel"/>.</summary>
    public static ulong Dar(int channel) => 0x404 + (0x20 * Checked(channel));

    /// <summary>Channel control (the CCR a program set) of <paramref name="channel"/>.</summary>
    public static ulong Ccr(int channel) => 0x408 + (0x20 * Checked(channel));

    /// <summary>Loop counter 0 of <paramref name="channel"/>.</summary>
    public static ulong Lc0(int channel) => 0x40C + (0x20 * Checked(channel));

    /// <summary>Loop counter 1 of <paramref name="channel"/>.</summary>
    public static ulong Lc1(int channel) => 0x410 + (0x20 * Checked(channel));

    private static ulong Checked(int channel) =>
        channel is >= 0 and < 8 ? (ulong)channel : throw new ArgumentOutOfRangeException(nameof(channel), channel, "a PL330 has channels 0-7");
}
