using System.Diagnostics;
using System.Globalization;
using Lab.TestCases.Devices.Edu;
using Lab.TestCases.Model;
using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary>
/// The SMMUv3 stops a device's stray DMA: edu writes to an IOVA nothing maps, reads from one, and writes into a
/// READ-only mapping. Each time the memory user space mapped (and a canary) stays unchanged and the guest kernel logs
/// an arm-smmu-v3 event naming the IOVA (0x10 translation fault for the unmapped IOVAs, 0x13 permission fault for
/// the READ-only one); afterwards a normal round trip still works.
/// </summary>
/// <remarks>
/// Seen on QEMU 7.2: the blocked read leaves zeros in edu's buffer (the device sees no error); each 4-byte access
/// of a blocked DMA is one event.
/// </remarks>
public sealed class SmmuFaultCase : IVfioCase
{
    private const ulong SrcIova = 0x1000000;
    private const ulong DstIova = 0x1100000;
    private const ulong CanaryIova = 0x1200000;
    private const ulong ReadOnlyIova = 0x1300000;

    // Below edu's 28-bit mask, outside the MSI window (0x8000000-0x80fffff), far from the mapped buffers.
    private const ulong UnmappedWrite = 0xC000000;
    private const ulong UnmappedRead = 0xC100000;
    private const int Count = 256;

    // NOTE: QEMU's SMMUv3 model raises one event per 4-byte access of a blocked DMA, and arm-smmu-v3 prints at most 10
    // events per 5 s (its evtq ratelimit): a 256-byte stray DMA alone would use the whole burst and hide the next fault.
    private const int StrayCount = 8;
    private static readonly TimeSpan LogWait = TimeSpan.FromSeconds(2);

    /// <inheritdoc/>
    public string Id => "vfio.pci.dma.smmu_fault";

    /// <inheritdoc/>
    public string Description => "edu DMA to/from an unmapped IOVA and into a READ-only mapping: mapped memory and a canary unchanged, arm-smmu-v3 logs the fault, edu works afterwards";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("pci", CaseFeature.Type1 | CaseFeature.MmapRegion | CaseFeature.Root) with { AnyDeviceFeature = EduDevice.Features };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        using var edu = EduDevice.Open(context.Device!, out var why);
        if (edu is null) { return CaseOutcome.Skip(why); }
        using var kmsg = KernelLog.TryOpen(context.Syscalls, out var kmsgErrno);
        if (kmsg is null) { return CaseOutcome.Skip("cannot read the kernel log to see the SMMU fault: open /dev/kmsg " + ExpectedErrno.Describe(kmsgErrno)); }
        using var src = Mapped(context, SrcIova, VfioConstants.VFIO_DMA_MAP_FLAG_READ | VfioConstants.VFIO_DMA_MAP_FLAG_WRITE, 0x11);
        using var dst = Mapped(context, DstIova, VfioConstants.VFIO_DMA_MAP_FLAG_READ | VfioConstants.VFIO_DMA_MAP_FLAG_WRITE, 0x22);
        using var canary = Mapped(context, CanaryIova, VfioConstants.VFIO_DMA_MAP_FLAG_READ | VfioConstants.VFIO_DMA_MAP_FLAG_WRITE, 0x33);
        using var readOnly = Mapped(context, ReadOnlyIova, VfioConstants.VFIO_DMA_MAP_FLAG_READ, 0x44);
        var buffers = new[] { ("src", src, (byte)0x11), ("dst", dst, (byte)0x22), ("canary", canary, (byte)0x33), ("read-only", readOnly, (byte)0x44) };
        kmsg.ReadNew();

        // Load edu's buffer with src's bytes, so a blocked read shows whether it changed.
        var failure = edu.Dma(SrcIova, EduDevice.Buffer, Count, toRam: false);
        if (failure is not null) { return CaseOutcome.Fail("loading edu's buffer: " + failure); }

        var write = Fault(context, edu, kmsg, "write", EduDevice.Buffer, UnmappedWrite, toRam: true, out var writeLines);
        if (write is not null) { return write; }
        var changed = Changed(buffers);
        if (changed is not null) { return CaseOutcome.Fail($"edu DMA edu -> unmapped IOVA 0x{UnmappedWrite:x} count {StrayCount}: {changed}"); }
        if (!writeLines.Any(l => l.Contains("event 0x10")))
        {
            return CaseOutcome.Fail($"edu DMA edu -> unmapped IOVA 0x{UnmappedWrite:x}: no arm-smmu-v3 'event 0x10' (translation fault) in the kernel log within {LogWait.TotalSeconds} s; saw: {string.Join(" | ", writeLines)}");
        }

        var read = Fault(context, edu, kmsg, "read", UnmappedRead, EduDevice.Buffer, toRam: false, out var readLines);
        if (read is not null) { return read; }
        failure = edu.Dma(EduDevice.Buffer, DstIova, Count, toRam: true);
        if (failure is not null) { return CaseOutcome.Fail("reading edu's buffer back after the blocked read: " + failure); }
        context.Note($"edu buffer after a {StrayCount}-byte read from unmapped IOVA 0x{UnmappedRead:x}: those bytes {Describe(dst.Span.Slice(0, StrayCount), 0x11)}, the other {Count - StrayCount} {Describe(dst.Span.Slice(StrayCount, Count - StrayCount), 0x11)}");
        dst.Span.Fill(0x22);
        if (!readLines.Any(l => l.Contains("event 0x10")))
        {
            return CaseOutcome.Fail($"edu DMA unmapped IOVA 0x{UnmappedRead:x} -> edu: no arm-smmu-v3 'event 0x10' in the kernel log within {LogWait.TotalSeconds} s; saw: {string.Join(" | ", readLines)}");
        }

        var perm = Fault(context, edu, kmsg, "read-only", EduDevice.Buffer, ReadOnlyIova, toRam: true, out var permLines);
        if (perm is not null) { return perm; }
        changed = Changed(buffers);
        if (changed is not null) { return CaseOutcome.Fail($"edu DMA edu -> IOVA 0x{ReadOnlyIova:x} mapped VFIO_DMA_MAP_FLAG_READ only: {changed}"); }
        if (!permLines.Any(l => l.Contains("event 0x13")))
        {
            return CaseOutcome.Fail($"edu DMA edu -> READ-only IOVA 0x{ReadOnlyIova:x}: memory unchanged but no arm-smmu-v3 'event 0x13' (permission fault) in the kernel log within {LogWait.TotalSeconds} s; saw: {string.Join(" | ", permLines)}");
        }

        return After(context, edu, src, dst);
    }

    private static DmaBuffer Mapped(CaseContext context, ulong iova, uint flags, byte fill)
    {
        var buffer = DmaBuffer.Allocate(4096, context.Syscalls);
        buffer.Span.Fill(fill);
        buffer.MapIova(context.Container, iova, flags);
        return buffer;
    }

    /// <summary>Runs one stray DMA and collects the kernel log lines it caused; a FAIL when the DMA hangs.</summary>
    private static CaseOutcome? Fault(CaseContext context, EduDevice edu, KernelLog kmsg, string what, ulong from, ulong to, bool toRam, out List<string> lines)
    {
        lines = [];
        var clock = Stopwatch.StartNew();
        var failure = edu.Dma(from, to, StrayCount, toRam);
        if (failure is not null) { return CaseOutcome.Fail($"stray DMA ({what}): {failure}"); }
        var seen = false;
        while (clock.Elapsed < LogWait)
        {
            var fresh = kmsg.ReadNew().Where(l => l.Contains("smmu")).ToList();
            lines.AddRange(fresh);
            if (seen && fresh.Count == 0) { break; }
            if (!seen && lines.Any(l => l.Contains("event 0x")))
            {
                seen = true;
                context.Measure("smmu.fault_to_log." + what, clock.Elapsed.TotalMilliseconds, "ms");
            }

            Thread.Sleep(50);
        }

        var address = (toRam ? to : from).ToString("x16", CultureInfo.InvariantCulture);
        var hasAddress = lines.Any(l => l.Contains(address));
        var events = lines.Count(l => l.Contains("event 0x"));
        if (events > 0 && !hasAddress)
        {
            return CaseOutcome.Fail($"{what} fault: arm-smmu-v3 logged {events} events but none names the IOVA 0x{address}: {string.Join(" | ", lines.Take(5))}");
        }

        context.Note($"{what} fault ({StrayCount} bytes): {events} arm-smmu-v3 events, IOVA 0x{address} {(hasAddress ? "in" : "NOT in")} the event record: {string.Join(" | ", lines.Take(5)).Replace("\\x09", " ")}");
        return null;
    }

    private static string? Changed(IEnumerable<(string Name, DmaBuffer Buffer, byte Fill)> buffers)
    {
        foreach (var (name, buffer, fill) in buffers)
        {
            var span = buffer.Span;
            for (var i = 0; i < span.Length; i++)
            {
                if (span[i] != fill) { return $"{name} buffer (IOVA 0x{buffer.Iova:x}) byte {i} is 0x{span[i]:x2}, was 0x{fill:x2}"; }
            }
        }

        return null;
    }

    private static string Describe(ReadOnlySpan<byte> bytes, byte before)
    {
        var same = true;
        var zero = true;
        var ones = true;
        foreach (var b in bytes)
        {
            same &= b == before;
            zero &= b == 0;
            ones &= b == 0xff;
        }

        return same ? "unchanged (still the loaded 0x" + before.ToString("x2", CultureInfo.InvariantCulture) + " bytes)"
            : zero ? "overwritten with zeros"
            : ones ? "overwritten with 0xff"
            : "mixed, first bytes " + BitConverter.ToString(bytes.Slice(0, Math.Min(8, bytes.Length)).ToArray());
    }

    /// <summary>A normal round trip after the faults: edu and its IOMMU domain still work.</summary>
    private static CaseOutcome After(CaseContext context, EduDevice edu, DmaBuffer src, DmaBuffer dst)
    {
        for (var i = 0; i < Count; i++) { src.Span[i] = (byte)(i ^ 0x5a); }
        dst.Span.Clear();
        var failure = edu.Dma(SrcIova, EduDevice.Buffer, Count, toRam: false) ?? edu.Dma(EduDevice.Buffer, DstIova, Count, toRam: true);
        if (failure is not null) { return CaseOutcome.Fail("normal round trip after the faults: " + failure); }
        for (var i = 0; i < Count; i++)
        {
            if (dst.Span[i] != src.Span[i]) { return CaseOutcome.Fail($"normal round trip after the faults: dst byte {i} is 0x{dst.Span[i]:x2}, expected 0x{src.Span[i]:x2}"); }
        }

        context.Note($"after 3 blocked DMAs a {Count}-byte round trip src 0x{SrcIova:x} -> edu -> dst 0x{DstIova:x} is byte-exact");
        return CaseOutcome.Pass();
    }
}
