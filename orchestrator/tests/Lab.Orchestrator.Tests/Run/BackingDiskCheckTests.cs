using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Run;
using Lab.TestCases.Model;

namespace Lab.Orchestrator.Tests.Run;

public sealed class BackingDiskCheckTests
{
    private const uint Seed = 0x5eed;
    private const long Offset = 1 << 20;
    private const int Bytes = 64 * 1024;
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("vfiolab-disk-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    private static List<Measurement> Written(double seed = Seed, double offset = Offset, double bytes = Bytes) =>
        [new("virtio_blk.seed", seed, string.Empty), new("virtio_blk.offset", offset, "bytes"), new("virtio_blk.bytes", bytes, "bytes")];

    /// <summary>A fresh disk as the board sees it, with the pattern written where the case says.</summary>
    private string Disk(Action<FileStream>? tamper = null)
    {
        var disk = QemuDisk.Create("blk0", Path.Combine(_dir, "disks", "blk0.img"), 4 << 20);
        var pattern = new byte[Bytes];
        SeededPattern.Fill(pattern, Seed, 0);
        using var file = new FileStream(disk.Path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = Offset;
        file.Write(pattern);
        tamper?.Invoke(file);
        return disk.Path;
    }

    [Test]
    public void The_pattern_where_the_case_says_and_zeros_elsewhere_passes()
    {
        Assert.That(BackingDiskCheck.Check(Disk(), Written()), Is.EqualTo((TestStatus.Pass, (string?)null)));
    }

    [Test]
    public void A_changed_byte_in_the_area_fails_naming_its_disk_offset()
    {
        var path = Disk(f => { f.Position = Offset + 777; f.WriteByte(0); });

        var (status, reason) = BackingDiskCheck.Check(path, Written());

        Assert.That(status, Is.EqualTo(TestStatus.Fail));
        Assert.That(reason, Does.Contain($"byte 0x{Offset + 777:x}").And.Contain("pattern byte 777"));
    }

    [Test]
    public void A_stray_write_outside_the_area_fails_even_when_the_area_is_right()
    {
        var path = Disk(f => { f.Position = 512; f.WriteByte(0x42); });

        var (status, reason) = BackingDiskCheck.Check(path, Written());

        Assert.That(status, Is.EqualTo(TestStatus.Fail));
        Assert.That(reason, Does.Contain("byte 0x200 outside the pattern area").And.Contain("0x42"));
    }

    [Test]
    public void The_wrong_seed_fails()
    {
        Assert.That(BackingDiskCheck.Check(Disk(), Written(seed: Seed + 1)).Status, Is.EqualTo(TestStatus.Fail));
    }

    [Test]
    public void A_pass_without_its_measurements_or_with_an_area_past_the_file_is_not_a_pass()
    {
        var path = Disk();

        Assert.That(BackingDiskCheck.Check(path, []), Is.EqualTo((TestStatus.Error,
            (string?)"vfio.platform.dma.virtio_blk passed without recording virtio_blk.seed, virtio_blk.offset and virtio_blk.bytes")));
        Assert.That(BackingDiskCheck.Check(path, Written(offset: 4 << 20)).Status, Is.EqualTo(TestStatus.Fail));
        Assert.That(BackingDiskCheck.Check(path, Written(seed: -1)).Status, Is.EqualTo(TestStatus.Error));
        Assert.That(BackingDiskCheck.Check(Path.Combine(_dir, "missing.img"), Written()).Status, Is.EqualTo(TestStatus.Error));
    }

    [Test]
    public void The_qemu_drive_option_escapes_commas_in_the_path()
    {
        var disk = new QemuDisk("blk0", "/runs/a,b/blk0.img");

        Assert.That(disk.DriveOption, Is.EqualTo("if=none,format=raw,id=blk0,file=/runs/a,,b/blk0.img"));
    }
}
