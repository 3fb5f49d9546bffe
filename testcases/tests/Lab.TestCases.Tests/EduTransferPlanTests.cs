using Lab.TestCases.Devices.Edu;
using Lab.TestCases.Model;

namespace Lab.TestCases.Tests;

public sealed class EduTransferPlanTests
{
    [Test]
    public void Offsetted_plan_fits_edu_and_the_buffers_and_uses_non_zero_offsets()
    {
        var plan = EduTransferPlan.Offsetted();
        Assert.That(plan, Has.Count.InRange(8, 40), "each round trip costs ~200 ms of edu's timer");
        Assert.That(plan.Where(t => !t.FitsIn(EduTransferPlan.RamLength)), Is.Empty);
        Assert.That(plan.Where(t => t.Source == 0 || t.Destination == 0 || t.Device == 0), Is.Empty);
        Assert.That(plan.Select(t => t.Source).Distinct(), Is.EquivalentTo(new[] { 1, 7, 513, 4000 }));
        Assert.That(plan.Select(t => t.Destination).Distinct(), Is.EquivalentTo(new[] { 1, 7, 513, 4000 }));
        Assert.That(plan.Any(t => t.Source < 4096 && t.Source + t.Count > 4096), Is.True, "some source range crosses a page");
        Assert.That(plan.Max(t => t.Count), Is.EqualTo(4094));
    }

    [Test]
    public void Fits_rejects_the_4096_byte_edge_that_aborts_qemu()
    {
        Assert.That(new EduTransfer(0, 0, 0, 4095).FitsIn(8192), Is.True);
        Assert.That(new EduTransfer(0, 0, 0, 4096).FitsIn(8192), Is.False);
        Assert.That(new EduTransfer(0, 1, 0, 4095).FitsIn(8192), Is.False);
        Assert.That(new EduTransfer(8000, 0, 0, 193).FitsIn(8192), Is.False);
        Assert.That(new EduTransfer(0, 0, 0, 0).FitsIn(8192), Is.False);
    }

    [Test]
    public void Random_transfers_fit_cover_the_size_range_and_repeat_for_a_seed()
    {
        var a = new SplitMixRandom(42);
        var b = new SplitMixRandom(42);
        var list = Enumerable.Range(0, 5000).Select(_ => EduTransferPlan.Next(a)).ToList();
        Assert.That(list.Where(t => !t.FitsIn(EduTransferPlan.RamLength)), Is.Empty);
        Assert.That(list.Min(t => t.Count), Is.LessThan(20));
        Assert.That(list.Max(t => t.Count), Is.GreaterThan(4000));
        Assert.That(Enumerable.Range(0, 5000).Select(_ => EduTransferPlan.Next(b)), Is.EqualTo(list));
        Assert.That(EduTransferPlan.Next(new SplitMixRandom(43)), Is.Not.EqualTo(list[0]));
    }

    [Test]
    public void SplitMix_stays_below_its_bound_and_refuses_an_empty_range()
    {
        var r = new SplitMixRandom(7);
        Assert.That(Enumerable.Range(0, 1000).Select(_ => r.Below(3)).Distinct(), Is.EquivalentTo(new[] { 0, 1, 2 }));
        Assert.That(() => r.Below(0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
