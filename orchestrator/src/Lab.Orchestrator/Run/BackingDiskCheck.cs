using System.Globalization;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;
using Lab.TestCases.Cases;
using Lab.TestCases.Model;

namespace Lab.Orchestrator.Run;

/// <summary>
/// After the board stops: the host side of the no-IOMMU virtio-blk DMA case. The board-side case
/// (<see cref="BoardCase"/>) wrote a seeded pattern through the device and recorded where
/// (<c>virtio_blk.seed</c>, <c>virtio_blk.offset</c>, <c>virtio_blk.bytes</c>); this check reads the disk's
/// backing file and records <see cref="HostCase"/>: PASS when the area holds exactly the pattern and every other
/// byte is still zero (the file was created empty for this boot), FAIL naming the first wrong byte.
/// </summary>
internal sealed class BackingDiskCheck(IResultStore store, RunProgress progress, TimeProvider time, string runId, BoardConfig board)
{
    /// <summary>The board-side case that writes the pattern.</summary>
    public const string BoardCase = VirtioBlkDmaCase.CaseId;

    /// <summary>The host-side result this check records (per device, like the cases: <c>ID@DEVICE</c>).</summary>
    public const string HostCase = "vfio.platform.dma.virtio_blk_backing_file";

    private readonly IResultStore _store = store;
    private readonly RunProgress _progress = progress;
    private readonly TimeProvider _time = time;
    private readonly string _runId = runId;
    private readonly BoardConfig _board = board;

    /// <summary>Checks every device of the board that names one of <paramref name="disks"/>; never throws for a bad file.</summary>
    public void CheckAll(IReadOnlyList<QemuDisk> disks)
    {
        ArgumentNullException.ThrowIfNull(disks);
        if (disks.Count == 0)
        {
            return;
        }

        var results = _store.GetResults(_runId, _board.Id);
        foreach (var device in _board.Devices)
        {
            if (device.Disk is not { } diskId || disks.FirstOrDefault(d => d.Id == diskId) is not { } disk)
            {
                continue;
            }

            var boardSide = results.LastOrDefault(r => r.TestId == $"{BoardCase}@{device.Name}");
            if (boardSide is null)
            {
                continue; // not selected in this run
            }

            var start = _time.GetTimestamp();
            var (status, reason) = boardSide.Status != TestStatus.Pass
                ? (TestStatus.Skip, $"{BoardCase}@{device.Name} is {boardSide.Status.ToKcidb()}: no pattern to look for in {disk.Path}")
                : Check(disk.Path, boardSide.Measurements ?? []);
            _store.AddResult(new TestResultRecord(
                _runId, _board.Id, $"{HostCase}@{device.Name}", status, _time.GetElapsedTime(start), _time.GetUtcNow(), reason));
            _progress.Board(_board.Id, $"{status.ToKcidb()} {HostCase}@{device.Name}{(reason is null ? string.Empty : " " + reason)}");
        }
    }

    /// <summary>Compares the backing file with what the board-side case says it wrote; (PASS, null) or a reason.</summary>
    public static (TestStatus Status, string? Reason) Check(string path, IReadOnlyList<Measurement> measured)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(measured);
        double? Get(string name) => measured.LastOrDefault(m => m.Name == name)?.Value;
        if (Get(VirtioBlkDmaCase.SeedMeasurement) is not { } seed || Get(VirtioBlkDmaCase.OffsetMeasurement) is not { } offset ||
            Get(VirtioBlkDmaCase.BytesMeasurement) is not { } bytes)
        {
            return (TestStatus.Error,
                $"{BoardCase} passed without recording {VirtioBlkDmaCase.SeedMeasurement}, {VirtioBlkDmaCase.OffsetMeasurement} and {VirtioBlkDmaCase.BytesMeasurement}");
        }

        if (seed is < 0 or > uint.MaxValue || offset < 0 || bytes <= 0 || seed % 1 != 0 || offset % 1 != 0 || bytes % 1 != 0)
        {
            return (TestStatus.Error, $"{BoardCase} recorded an impossible area: seed {seed}, offset {offset}, bytes {bytes}");
        }

        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (TestStatus.Error, $"cannot read the backing file {path}: {e.Message}");
        }

        var areaStart = (long)offset;
        var areaEnd = areaStart + (long)bytes;
        if (areaEnd > file.Length)
        {
            return (TestStatus.Fail, $"the pattern area 0x{areaStart:x}-0x{areaEnd:x} ends past the backing file ({file.Length} bytes)");
        }

        var area = file.AsSpan((int)areaStart, (int)(areaEnd - areaStart));
        var wrong = SeededPattern.FirstMismatch(area, (uint)seed, 0);
        if (wrong >= 0)
        {
            var at = areaStart + wrong;
            return (TestStatus.Fail, string.Create(CultureInfo.InvariantCulture,
                $"backing file {Path.GetFileName(path)} byte 0x{at:x} (pattern byte {wrong} of seed {seed}) is 0x{area[wrong]:x2}, expected 0x{SeededPattern.At((uint)seed, wrong):x2}"));
        }

        var stray = FirstNonZero(file.AsSpan(0, (int)areaStart), 0) ?? FirstNonZero(file.AsSpan((int)areaEnd), areaEnd);
        return stray is { } s
            ? (TestStatus.Fail, $"backing file {Path.GetFileName(path)} byte 0x{s:x} outside the pattern area 0x{areaStart:x}-0x{areaEnd:x} is 0x{file[s]:x2}, expected 0 (the file was empty at boot; a case that writes elsewhere on this disk, such as the blk stress case, must zero its area again before it ends)")
            : (TestStatus.Pass, null);
    }

    private static long? FirstNonZero(ReadOnlySpan<byte> span, long baseOffset)
    {
        var i = span.IndexOfAnyExcept((byte)0);
        return i < 0 ? null : baseOffset + i;
    }
}
