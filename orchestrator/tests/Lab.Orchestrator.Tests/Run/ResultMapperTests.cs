using Lab.Ktap;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Tests.Run;

public sealed class ResultMapperTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<KtapResult> Parse(string ktap, bool complete = true)
    {
        var parser = new KtapParser();
        var results = ktap.Split('\n').SelectMany(parser.Feed).ToList();
        if (complete)
        {
            results.AddRange(parser.Complete());
        }

        return results;
    }

    [TestCase(KtapStatus.Pass, TestStatus.Pass)]
    [TestCase(KtapStatus.Fail, TestStatus.Fail)]
    [TestCase(KtapStatus.Skip, TestStatus.Skip)]
    [TestCase(KtapStatus.Error, TestStatus.Error)]
    public void Ktap_statuses_map_to_kcidb_statuses(KtapStatus ktap, TestStatus expected) =>
        Assert.That(ResultMapper.Status(ktap), Is.EqualTo(expected));

    [Test]
    public void A_failure_keeps_the_message_on_its_result_line()
    {
        var result = Parse("KTAP version 1\n1..1\n# opening group\n" +
            "not ok 1 vfio.common.group.set_container_bad_fd # VFIO_GROUP_SET_CONTAINER(fd=-1): expected EBADF (9), got ENOTTY (25)").Single();

        var record = ResultMapper.ToRecord(result, "run1", "board1", "pl031", TimeSpan.Zero, _now, null, _ => "unused");

        Assert.That(record.Status, Is.EqualTo(TestStatus.Fail));
        Assert.That(record.Reason, Is.EqualTo("VFIO_GROUP_SET_CONTAINER(fd=-1): expected EBADF (9), got ENOTTY (25)"));
    }

    [Test]
    public void A_case_keeps_its_dotted_id_and_carries_errno_measurements_dmesg_and_log()
    {
        var result = Parse(
            "KTAP version 1\n1..1\n# a note\n# lab.measure: dma.mbps=12.5 MB/s\n# lab.errno: 22 EINVAL\n# lab.dmesg: vfio: hello\n" +
            "not ok 1 vfio.platform.irq.mask").Single();

        var record = ResultMapper.ToRecord(result, "run1", "board1", "pl031", TimeSpan.FromMilliseconds(7), _now, null, _ => "unused");

        Assert.Multiple(() =>
        {
            Assert.That(record.TestId, Is.EqualTo("vfio.platform.irq.mask@pl031"));
            Assert.That(record.Status, Is.EqualTo(TestStatus.Fail));
            Assert.That(record.RunId, Is.EqualTo("run1"));
            Assert.That(record.BoardId, Is.EqualTo("board1"));
            Assert.That(record.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(7)));
            Assert.That(record.Errno, Is.EqualTo(result.Errno));
            Assert.That(record.ErrnoName, Is.EqualTo(result.ErrnoName));
            Assert.That(record.Measurements!.Select(m => (m.Name, m.Value, m.Unit)), Is.EqualTo(result.Measurements.Select(m => (m.Name, m.Value, m.Unit))));
            Assert.That(record.LogExcerpt, Is.EqualTo(result.Log.Count == 0 ? null : string.Join('\n', result.Log)));
            Assert.That(record.LogId, Is.Null);
        });
    }

    [Test]
    public void Results_the_parser_makes_up_get_the_device_in_their_id_so_devices_do_not_collide()
    {
        var results = Parse("KTAP version 1\n1..3\nok 1 vfio.common.a");

        var ids = results.Select(r => ResultMapper.TestId(r, "edu")).ToList();

        Assert.That(ids[0], Is.EqualTo("vfio.common.a@edu"));
        Assert.That(ids.Skip(1), Has.All.StartWith("lab.agent.edu."));
        Assert.That(results.Skip(1).Select(r => r.Status), Has.All.EqualTo(KtapStatus.Error));
    }

    [Test]
    public void A_reason_suffix_explains_made_up_results()
    {
        var missing = Parse("KTAP version 1\n1..2\nok 1 vfio.common.a")[1];

        var record = ResultMapper.ToRecord(missing, "r", "b", "pl031", TimeSpan.Zero, _now, "(connection to the board lost)", _ => "x");

        Assert.That(record.Reason, Does.EndWith("(connection to the board lost)"));
        Assert.That(record.Status, Is.EqualTo(TestStatus.Error));
    }

    [Test]
    public void A_long_case_log_is_saved_whole_and_cut_in_the_excerpt()
    {
        var lines = string.Concat(Enumerable.Range(0, 200).Select(i => $"# line {i} {new string('x', 40)}\n"));
        var result = Parse("KTAP version 1\n1..1\n" + lines + "ok 1 vfio.common.a").Single();
        string? saved = null;

        var record = ResultMapper.ToRecord(result, "r", "b", "d", TimeSpan.Zero, _now, null, log =>
        {
            saved = log;
            return "log-id";
        });

        Assert.That(record.LogId, Is.EqualTo("log-id"));
        Assert.That(saved, Has.Length.GreaterThan(ResultMapper.ExcerptLimit));
        Assert.That(record.LogExcerpt, Has.Length.EqualTo(ResultMapper.ExcerptLimit));
    }
}
