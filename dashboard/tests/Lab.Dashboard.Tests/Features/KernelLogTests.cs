using Lab.Dashboard.Features.RunDetail;

namespace Lab.Dashboard.Tests.Features;

public sealed class KernelLogTests
{
    [TestCase("[  1.0] WARNING: CPU: 2 PID: 311 at drivers/vfio/x.c:1 f+0x1/0x2", true)]
    [TestCase("[  1.0] BUG: kernel NULL pointer dereference, address: 0000000000000008", true)]
    [TestCase("[  1.0] Internal error: Oops: 96000005 [#1] SMP", true)]
    [TestCase("[  1.0] Kernel panic - not syncing: Fatal exception", true)]
    [TestCase("[  1.0] vfio-platform 9000000.uart: probe ok", false)]
    [TestCase("# debug: buggy_name_ok", false)]
    [TestCase("[  9.1] vfio-amba 9010000.pl031: DEPRECATION: vfio-amba is deprecated and will be removed in a future kernel release", false)]
    public void Trouble_lines_are_recognised(string line, bool trouble) =>
        Assert.That(KernelLog.IsTrouble(line), Is.EqualTo(trouble));

    [Test]
    public void Console_trouble_is_linked_to_the_case_named_last()
    {
        var lines = KernelLog.Annotate("boot\n# vfio.a: start\nok vfio.a\n# vfio.ab: start\n[ 2.0] Internal error: Oops: 1\nok vfio.ab", ["vfio.a", "vfio.ab"]);
        var oops = lines.Single(l => l.Trouble);
        Assert.That((oops.Number, oops.TestId), Is.EqualTo((5, "vfio.ab")));
        Assert.That(lines[0].TestId, Is.Null);
    }
}
