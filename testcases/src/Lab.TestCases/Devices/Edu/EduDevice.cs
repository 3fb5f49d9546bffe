using System.Diagnostics;
using System.Globalization;
using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Devices.Edu;

/// <summary>
/// QEMU's <c>edu</c> PCI device (1234:11e8, QEMU docs/specs/edu.txt) through BAR0: its interrupt and DMA registers,
/// with bus mastering switched on when opened. QEMU 7.2 limits: the DMA engine runs from a 100 ms timer, its mask is
/// 28 bits (IOVA below 256 MiB), and a transfer whose end reaches the end of the 4 KiB buffer (offset + count = 4096)
/// aborts QEMU, so every transfer here keeps <c>eduOffset + count &lt; 4096</c>.
/// </summary>
internal sealed class EduDevice : IDisposable
{
    /// <summary>The lab.json device feature tag that says a device is QEMU's edu.</summary>
    public static readonly string[] Features = { "edu" };

    /// <summary>The id register's value (major 1, minor 0, 0xed).</summary>
    public const uint Id = 0x010000ed;

    /// <summary>VFIO_PCI_INTX_IRQ_INDEX.</summary>
    public const uint IntxIndex = 0;

    /// <summary>The skip reason when vfio-pci reports no INTx for the function.</summary>
    public const string NoIntx = "edu has no INTx (VFIO_DEVICE_GET_IRQ_INFO index 0 count 0: no interrupt pin or no host IRQ)";

    /// <summary>VFIO_PCI_MSI_IRQ_INDEX.</summary>
    public const uint MsiIndex = 1;

    /// <summary>The interrupt status bit edu raises when a DMA with command bit 2 completes.</summary>
    public const uint DmaIrq = 0x100;

    /// <summary>Where the device's DMA buffer sits in its own address space.</summary>
    public const ulong Buffer = 0x40000;

    /// <summary>Size of the device's DMA buffer.</summary>
    public const int BufferSize = 4096;

    // Registers: interrupt status / raise / acknowledge, DMA source, destination, count, command.
    private const ulong IrqStatus = 0x24;
    private const ulong IrqRaise = 0x60;
    private const ulong IrqAck = 0x64;
    private const ulong DmaSrc = 0x80;
    private const ulong DmaDst = 0x88;
    private const ulong DmaCount = 0x90;
    private const ulong DmaCmd = 0x98;

    // DMA command bits: start (cleared by the device when done), direction edu -> RAM, raise DmaIrq when done.
    private const ulong CmdStart = 1;
    private const ulong CmdToRam = 2;
    private const ulong CmdIrq = 4;

    private readonly MmioView _bar0;

    private EduDevice(MmioView bar0) => _bar0 = bar0;

    /// <summary>Opens BAR0 and turns bus mastering on; null (with <paramref name="why"/>) when it is not an edu.</summary>
    public static EduDevice? Open(VfioDevice device, out string why)
    {
        if (device is null) { throw new ArgumentNullException(nameof(device)); }
        var bar0 = device.OpenRegion(0).Map();
        var id = bar0.ReadUInt32(0);
        if (id != Id)
        {
            bar0.Dispose();
            why = "BAR0 id 0x" + id.ToString("x8", CultureInfo.InvariantCulture) + ": not QEMU's edu";
            return null;
        }

        // Bus master on, so the function may DMA (PCI_COMMAND at config offset 4, bit 2).
        var config = device.OpenRegion(VfioConstants.VFIO_PCI_CONFIG_REGION_INDEX);
        config.Write16(4, (ushort)(config.Read16(4) | 0x4));
        why = string.Empty;
        return new EduDevice(bar0);
    }

    /// <summary>The interrupt status register (0x24).</summary>
    public uint Status => _bar0.ReadUInt32(IrqStatus);

    /// <summary>The DMA command register (0x98); bit 0 set while a transfer runs.</summary>
    public ulong Command => _bar0.ReadUInt64(DmaCmd);

    /// <summary>Whether a transfer is running (command bit 0).</summary>
    public bool DmaBusy => (Command & CmdStart) != 0;

    /// <summary>Writes <paramref name="bits"/> to 0x60: ORed into the status, the IRQ raised (MSI sent, or INTx asserted).</summary>
    public void Raise(uint bits) => _bar0.WriteUInt32(IrqRaise, bits);

    /// <summary>Writes <paramref name="bits"/> to 0x64: cleared from the status; INTx drops when the status is 0.</summary>
    public void Ack(uint bits) => _bar0.WriteUInt32(IrqAck, bits);

    /// <summary>Starts a transfer; the registers are ignored by the device while one runs.</summary>
    public void StartDma(ulong from, ulong to, int count, bool toRam, bool irq)
    {
        _bar0.WriteUInt64(DmaSrc, from);
        _bar0.WriteUInt64(DmaDst, to);
        _bar0.WriteUInt64(DmaCount, (ulong)count);
        _bar0.WriteUInt64(DmaCmd, CmdStart | (toRam ? CmdToRam : 0) | (irq ? CmdIrq : 0));
    }

    /// <summary>Waits for command bit 0 to clear; false after <paramref name="timeout"/>.</summary>
    public bool WaitDma(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (DmaBusy)
        {
            if (clock.Elapsed > timeout) { return false; }
            // A transfer takes ~100 ms of QEMU's clock: sleeping leaves the guest CPU to TCG instead of spinning on it.
            Thread.Sleep(1);
        }

        return true;
    }

    /// <summary>A transfer polled to completion (no IRQ); null or what went wrong.</summary>
    public string? Dma(ulong from, ulong to, int count, bool toRam)
    {
        StartDma(from, to, count, toRam, irq: false);
        if (WaitDma(TimeSpan.FromSeconds(3))) { return null; }
        return string.Format(CultureInfo.InvariantCulture, "edu DMA cmd 0x{0:x} src 0x{1:x} dst 0x{2:x} count {3} still running after 3 s (cmd 0x{4:x})",
            CmdStart | (toRam ? CmdToRam : 0), from, to, count, Command);
    }

    /// <summary>Unmaps BAR0.</summary>
    public void Dispose() => _bar0.Dispose();
}
