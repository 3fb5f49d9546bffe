using Lab.TestCases.Model;
using Lab.TestCases.Timing;
using Lab.Vfio.Testing;

namespace Lab.TestCases.Tests.Timing;

public sealed class DistributionTests
{
    [Test]
    public void Median_p99_and_max_are_nearest_rank_of_the_sorted_samples()
    {
        var samples = Enumerable.Range(1, 200).Select(i => (double)(201 - i)).ToList(); // 200 .. 1, unsorted order

        var d = new Distribution(samples);

        Assert.Multiple(() =>
        {
            Assert.That(d.Count, Is.EqualTo(200));
            Assert.That(d.Median, Is.EqualTo(100));
            Assert.That(d.P99, Is.EqualTo(198));
            Assert.That(d.Max, Is.EqualTo(200));
            Assert.That(d.Min, Is.EqualTo(1));
        });
    }

    [Test]
    public void One_slow_sample_moves_the_max_and_not_the_median()
    {
        var samples = Enumerable.Repeat(70.0, 99).Append(900.0).ToList();

        var d = new Distribution(samples);

        Assert.That((d.Median, d.P99, d.Max), Is.EqualTo((70.0, 70.0, 900.0)));
    }

    [Test]
    public void Report_records_each_statistic_under_its_own_name()
    {
        var context = new CaseContext(new FakeVfioSyscalls(), Lab.Vfio.VfioContainer.Open(new FakeVfioSyscalls()), IommuMode.NoIommu);

        new Distribution([10, 20, 30]).Report(context, "vfio.irq.loopback_latency");

        Assert.That(context.Measurements.Select(m => (m.Name, m.Value, m.Unit)), Is.EqualTo(new[]
        {
            ("vfio.irq.loopback_latency.median", 20.0, "us"),
            ("vfio.irq.loopback_latency.p99", 30.0, "us"),
            ("vfio.irq.loopback_latency.max", 30.0, "us"),
            ("vfio.irq.loopback_latency.samples", 3.0, string.Empty),
        }));
    }

    [Test]
    public void No_samples_is_refused()
    {
        Assert.That(() => new Distribution([]), Throws.ArgumentException);
    }

    [Test]
    public void The_clock_keeps_what_fits_and_forgets_the_warm_up()
    {
        var clock = new SampleClock(3);
        for (var i = 0; i < 5; i++)
        {
            clock.Start();
            clock.Stop();
            if (i == 0) { clock.Clear(); }
        }

        Assert.That(clock.Count, Is.EqualTo(3), "4 samples after the clear, room for 3");
        Assert.That(clock.Summarize().Min, Is.GreaterThanOrEqualTo(0));
    }
}
