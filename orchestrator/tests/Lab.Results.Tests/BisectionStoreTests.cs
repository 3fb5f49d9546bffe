using Lab.Orchestrator.Core.Bisect;
using Microsoft.Extensions.Time.Testing;

namespace Lab.Results.Tests;

public sealed class BisectionStoreTests
{
    private string _dir = null!;
    private FakeTimeProvider _time = null!;
    private LiteDbResultStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("lab-store-").FullName;
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
        _store = new LiteDbResultStore(Path.Combine(_dir, "results.db"), _time);
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private BisectionRecord Start(string caseId = "vfio.common.device.unknown_ioctl") =>
        _store.StartBisection(new BisectionRecord(string.Empty, "/src/linux", new string('a', 40), new string('b', 40), caseId, "qemu-arm64", _time.GetUtcNow())
        {
            Candidates = 7,
        });

    [Test]
    public void A_started_bisection_gets_an_id_from_its_start_and_its_steps_and_finding_round_trip()
    {
        var started = Start();
        var step = new BisectionStep(new string('c', 40), "vfio/platform: a change", "20261130-020000-abcd", BisectVerdict.Bad, "x@pl031 FAIL (errno)");
        var ended = started with
        {
            Steps = [step], EndedAt = _time.GetUtcNow().AddMinutes(3), FirstBad = step.Commit, FirstBadSubject = step.Subject, Note = "first bad commit: ...",
        };
        _store.SaveBisection(ended);

        var read = _store.GetBisection(started.Id);

        Assert.That(started.Id, Does.Match("^b20261130-020000-[0-9a-f]{4}$"));
        Assert.That(read, Is.Not.Null);
        Assert.That(read!.Steps, Is.EqualTo(new[] { step }));
        Assert.That(read with { Steps = [] }, Is.EqualTo(ended with { Steps = [] }));
    }

    [Test]
    public void The_list_is_newest_first_and_limited()
    {
        var first = Start("a.first");
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = Start("a.second");
        _time.Advance(TimeSpan.FromMinutes(1));
        var third = Start("a.third");

        Assert.That(_store.ListBisections().Select(b => b.Id), Is.EqualTo(new[] { third.Id, second.Id, first.Id }));
        Assert.That(_store.ListBisections(limit: 2).Select(b => b.Id), Is.EqualTo(new[] { third.Id, second.Id }));
        Assert.That(_store.GetBisection("b-none"), Is.Null);
    }
}
