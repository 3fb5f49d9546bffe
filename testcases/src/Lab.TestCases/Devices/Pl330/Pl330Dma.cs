using System.Diagnostics;
using Lab.Vfio;

namespace Lab.TestCases.Devices.Pl330;

/// <summary>
/// Memory-to-memory copies on a PL330 bound to vfio-amba (no-IOMMU: the controller sees physical addresses): the
/// registers through an mmap of region 0, the programs in a locked buffer (one page each, so each is physically
/// contiguous), an eventfd per VFIO IRQ index. One index (Exynos: events and abort ORed onto one line) or one per line
/// (Zynq: index 0 the abort, index 1+n event n). Every line is level and automasked: the eventfd fires once, the
/// line stays masked until the driver clears the event (INTCLR) and unmasks it.
/// </summary>
public sealed class Pl330Dma : IDisposable
{
    /// <summary>How long a program may take before its completion counts as lost.</summary>
    public static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(5);

    private const int ProgramPages = 16;
    private readonly VfioDevice _device;
    private readonly MmioView _view;
    private readonly Eventfd[] _irqs;
    private readonly DmaBuffer _programs;
    private readonly IReadOnlyList<ulong> _programPages;

    private Pl330Dma(VfioDevice device, MmioView view, Eventfd[] irqs, DmaBuffer programs)
    {
        _device = device;
        _view = view;
        _irqs = irqs;
        _programs = programs;
        _programPages = programs.GetPhysicalAddresses();
        Controller = new Pl330Controller(RegisterWindow.Of(view));
    }

    /// <summary>The controller's registers (mmap).</summary>
    public Pl330Controller Controller { get; }

    /// <summary>True when the abort and the events share one IRQ index (Exynos), false when each has its own (Zynq).</summary>
    public bool SharedLine => _irqs.Length == 1;

    /// <summary>IRQs delivered on the eventfds so far.</summary>
    public long Irqs { get; private set; }

    /// <summary>The VFIO IRQ index event <paramref name="ev"/> arrives on.</summary>
    public uint EventIndex(int ev) => SharedLine ? 0u : (uint)(1 + ev);

    /// <summary>Maps the registers, routes every IRQ index to an eventfd and locks a program buffer.</summary>
    public static Pl330Dma Open(VfioDevice device)
    {
        if (device is null) { throw new ArgumentNullException(nameof(device)); }
        var irqCount = (int)device.GetInfo().NumIrqs;
        if (irqCount < 1) { throw new InvalidOperationException("the PL330 shows no IRQ"); }
        var region = device.OpenRegion(0);
        var view = region.Map();
        var irqs = new Eventfd[irqCount];
        for (var i = 0; i < irqCount; i++)
        {
            irqs[i] = Eventfd.Create(device.Syscalls);
            device.SetIrqsEventfd((uint)i, VfioIrqAction.Trigger, 0, [irqs[i]]);
        }

        var programs = DmaBuffer.Allocate(ProgramPages * Environment.SystemPageSize, device.Syscalls);
        var dma = new Pl330Dma(device, view, irqs, programs);
        dma.Controller.DisableInterrupts(uint.MaxValue);
        dma.Controller.ClearInterrupts(uint.MaxValue);
        return dma;
    }

    /// <summary>
    /// Copies <paramref name="length"/> bytes from <paramref name="src"/>+<paramref name="srcOffset"/> to
    /// <paramref name="dst"/>+<paramref name="dstOffset"/> on <paramref name="channel"/>, one program after another,
    /// each ending in event <paramref name="channel"/>; null when every program completed, else what went wrong.
    /// </summary>
    public string? Copy(DmaBuffer src, long srcOffset, DmaBuffer dst, long dstOffset, long length, int channel)
    {
        if (src is null) { throw new ArgumentNullException(nameof(src)); }
        if (dst is null) { throw new ArgumentNullException(nameof(dst)); }
        var chunks = Pl330Copy.Chunks(src.GetPhysicalAddresses(), srcOffset, dst.GetPhysicalAddresses(), dstOffset, length, src.PageSize);
        var programs = Pl330Copy.Programs(chunks, channel, (int)_programs.PageSize);
        for (var p = 0; p < programs.Count; p++)
        {
            // Channel n's programs go to program page n, so channels running at once never share one.
            if (Run([(channel, channel, programs[p].Code)]) is { } failure)
            {
                return $"program {p + 1} of {programs.Count} ({programs[p].Bytes} bytes): {failure}";
            }
        }

        return null;
    }

    /// <summary>
    /// Loads each (channel, program page, code), starts them all and waits until each channel's event (its own number)
    /// arrived and the channel stopped; null when all did, else the first problem.
    /// </summary>
    public string? Run(IReadOnlyList<(int Channel, int Page, byte[] Code)> starts)
    {
        if (starts is null) { throw new ArgumentNullException(nameof(starts)); }
        var mask = 0u;
        foreach (var (channel, page, code) in starts)
        {
            Load(page, code);
            mask |= 1u << channel;
        }

        Controller.EnableInterrupts(mask);
        Interlocked.MemoryBarrier();
        foreach (var (channel, page, _) in starts)
        {
            Controller.Start(channel, ProgramAddress(page));
        }

        var problem = WaitEvents(mask, CompletionTimeout);
        foreach (var (channel, _, _) in starts)
        {
            problem ??= Stopped(channel);
        }

        return problem;
    }

    /// <summary>Puts <paramref name="code"/> at the start of program page <paramref name="page"/>.</summary>
    public void Load(int page, byte[] code)
    {
        if (code is null) { throw new ArgumentNullException(nameof(code)); }
        if (page is < 0 or >= ProgramPages || code.Length > _programs.PageSize) { throw new ArgumentOutOfRangeException(nameof(page)); }
        code.CopyTo(_programs.Span.Slice((int)(page * _programs.PageSize)));
    }

    /// <summary>The physical address of program page <paramref name="page"/>.</summary>
    public uint ProgramAddress(int page) => checked((uint)_programPages[page]);

    /// <summary>
    /// Waits for the events of <paramref name="mask"/>: each delivery is read, the events it brought cleared (INTCLR)
    /// and its index unmasked. Null when all arrived within <paramref name="timeout"/>, else which did not.
    /// </summary>
    public string? WaitEvents(uint mask, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        var seen = 0u;
        while (seen != mask)
        {
            var left = timeout - waited.Elapsed;
            var ev = LowestBit(mask & ~seen);
            var index = EventIndex(ev);
            if (left <= TimeSpan.Zero || !_irqs[index].Wait(left))
            {
                return $"no IRQ on index {index} within {timeout.TotalSeconds:0.#} s for event(s) 0x{mask & ~seen:x} (INTMIS 0x{Controller.PendingInterrupts:x}; {Controller.DescribeChannel(ev)})";
            }

            _irqs[index].Read();
            Irqs++;
            var pending = Controller.PendingInterrupts & mask;
            var got = SharedLine ? pending : pending & (1u << ev);
            if (got == 0)
            {
                return $"IRQ on index {index} but INTMIS 0x{Controller.PendingInterrupts:x} shows none of the events 0x{mask & ~seen:x} ({Controller.DescribeChannel(ev)})";
            }

            Controller.ClearInterrupts(got);
            seen |= got;
            _device.SetIrqsNone(index, VfioIrqAction.Unmask, 0, 1);
        }

        return null;
    }

    /// <summary>True when index <paramref name="index"/>'s eventfd fires within <paramref name="timeout"/> (the count is read).</summary>
    public bool WaitIrq(uint index, TimeSpan timeout)
    {
        if (!_irqs[index].Wait(timeout))
        {
            return false;
        }

        _irqs[index].Read();
        Irqs++;
        return true;
    }

    /// <summary>Masks (SET_IRQS MASK) or unmasks index <paramref name="index"/>.</summary>
    public void Mask(uint index, bool masked) => _device.SetIrqsNone(index, masked ? VfioIrqAction.Mask : VfioIrqAction.Unmask, 0, 1);

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Controller.DisableInterrupts(uint.MaxValue);
            Controller.ClearInterrupts(uint.MaxValue);
        }
        finally
        {
            for (var i = 0; i < _irqs.Length; i++)
            {
                _device.TrySetIrqsNone((uint)i, VfioIrqAction.Trigger, 0, 0);
                _irqs[i].Dispose();
            }

            _programs.Dispose();
            _view.Dispose();
        }
    }

    private string? Stopped(int channel)
    {
        var status = Controller.ChannelStatus(channel);
        if ((status & 0xf) != 0 || (Controller.FaultingChannels & (1u << channel)) != 0)
        {
            return "after its event, " + Controller.DescribeChannel(channel);
        }

        return null;
    }

    private static int LowestBit(uint mask)
    {
        for (var i = 0; i < 32; i++)
        {
            if ((mask & (1u << i)) != 0)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(mask), "no bit set");
    }
}
