using Lab.Orchestrator.Core.Pipeline;

namespace Lab.Orchestrator.Core.Tests.Pipeline;

/// <summary>The kernel messages watched for, on real lines of the kinds LAVA's kernel-message test knows.</summary>
public sealed class KernelProblemsTests
{
    [TestCase("[   88.123456] Kernel panic - not syncing: sysrq triggered crash", "panic", true)]
    [TestCase("[   12.000000] Internal error: Oops: 0000000096000004 [#1] PREEMPT SMP", "oops", false)]
    [TestCase("Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008 ... Oops", "oops", false)]
    [TestCase("[    3.1] BUG: kernel NULL pointer dereference, address: 0000000000000000", "BUG", false)]
    [TestCase("[    3.1] BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580", "BUG", false)]
    [TestCase("[    4.2] BUG: KASAN: slab-out-of-bounds in vfio_platform_read+0x48/0x100", "BUG", false)]
    [TestCase("[    4.2] KFENCE: use-after-free read in vfio_device_put+0x1c/0x40", "sanitizer report", false)]
    [TestCase("[    4.2] KCSAN: data-race in vfio_group_fops_open / vfio_group_fops_release", "sanitizer report", false)]
    [TestCase("[    5.0] WARNING: CPU: 0 PID: 215 at drivers/vfio/vfio_main.c:575 vfio_unregister_group_dev+0x90/0xa0", "WARNING", false)]
    [TestCase("[    5.0] WARNING: possible circular locking dependency detected", "WARNING", false)]
    [TestCase("[    6.0] Unhandled fault at 0xffff800008e80000", "unhandled fault", false)]
    [TestCase("[    5.0] ------------[ cut here ]------------", "warning or oops trace", false)]
    [TestCase("[    5.1] ---[ end trace 0000000000000000 ]---", "warning or oops trace", false)]
    public void A_problem_line_is_named(string line, string name, bool fatal) =>
        Assert.That(KernelProblems.Find(line), Is.EqualTo(new KernelProblem(name, fatal)));

    [TestCase("[    1.0] vfio-pci 0000:00:01.0: enabling device (0000 -> 0002)")]
    [TestCase("[    2.0] arm-smmu-v3 9050000.smmuv3: event 0x10 received:")]
    [TestCase("[    2.0] vfio-platform a003c00.virtio_mmio: No reset function found for device virtio,mmio")]
    [TestCase("[    0.0] Booting Linux on physical CPU 0x0000000000 [0x411fd070]")]
    [TestCase("[    9.1] vfio-amba 9010000.pl031: DEPRECATION: vfio-amba is deprecated and will be removed in a future kernel release")]
    [TestCase("[    9.2] vfio-platform fff51000.ethernet: DEPRECATION: VFIO AMD XGBE platform reset is deprecated and will be removed in a future kernel release")]
    [TestCase("[    0.5] Warning: unable to open an initial console.")]
    public void An_ordinary_line_is_not(string line) => Assert.That(KernelProblems.Find(line), Is.Null);

    [Test]
    public void The_first_problem_of_a_case_s_lines_is_the_one_reported()
    {
        var found = KernelProblems.First(["[1] ok", "[2] BUG: scheduling while atomic: lab-agent/201/0x00000002", "[3] WARNING: CPU: 0 PID: 1 at x.c:1 f"]);

        Assert.That(found, Is.EqualTo((new KernelProblem("BUG", false), "[2] BUG: scheduling while atomic: lab-agent/201/0x00000002")));
    }

    [Test]
    public void The_console_watch_hands_out_complete_new_lines_only()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "before the watch\n");
        var watch = new ConsoleWatch(path, new FileInfo(path).Length);
        File.AppendAllText(path, "line one\nhalf a li");

        var first = watch.ReadNew(1);
        File.AppendAllText(path, "ne\n");
        var second = watch.ReadNew(2);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new[] { "line one" }));
            Assert.That(second, Is.EqualTo(new[] { "half a line" }));
            Assert.That(watch.ReadNew(3), Is.Empty);
            Assert.That(watch.LastGrowth, Is.EqualTo(2));
        });
        File.Delete(path);
    }
}
