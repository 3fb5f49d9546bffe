namespace Lab.Ktap.Tests;

public sealed class KtapParserTests
{
    private static IReadOnlyList<KtapResult> Parse(string text) => KtapParser.ParseAll(new StringReader(text));

    [Test]
    public void WriterOutputRoundTripsThroughTheParser()
    {
        var sw = new StringWriter();
        var w = new KtapWriter(sw);
        w.WriteVersion();
        w.WritePlan(3);
        w.WriteDiagnostic("opening /dev/vfio/noiommu-0");
        w.WriteErrno(22, "EINVAL");
        w.WriteMeasurement("dma.mbps", 12.5, "MB/s");
        w.WriteDmesg("vfio-platform 10007e00.virtio_mmio: enabling device");
        w.WriteResult(1, KtapStatus.Pass, "vfio.container.api_version");
        w.WriteResult(2, KtapStatus.Skip, "vfio.platform.reset.positive", "no reset handler for this device");
        w.WriteResult(3, KtapStatus.Fail, "vfio.amba.irq.unmask", "VFIO_DEVICE_SET_IRQS: EINVAL");

        var results = Parse(sw.ToString());

        Assert.That(results.Select(r => r.Id), Is.EqualTo(new[]
        {
            "vfio.container.api_version", "vfio.platform.reset.positive", "vfio.amba.irq.unmask",
        }));
        Assert.That(results.Select(r => r.Status), Is.EqualTo(new[] { KtapStatus.Pass, KtapStatus.Skip, KtapStatus.Fail }));
        var first = results[0];
        Assert.That(first.Errno, Is.EqualTo(22));
        Assert.That(first.ErrnoName, Is.EqualTo("EINVAL"));
        Assert.That(first.Measurements, Is.EqualTo(new[] { new KtapMeasurement("dma.mbps", 12.5, "MB/s") }));
        Assert.That(first.Dmesg, Is.EqualTo(new[] { "vfio-platform 10007e00.virtio_mmio: enabling device" }));
        Assert.That(first.Log, Is.EqualTo(new[] { "opening /dev/vfio/noiommu-0" }));
        Assert.That(results[1].Reason, Is.EqualTo("no reset handler for this device"));
        Assert.That(results[1].Errno, Is.Null, "pending diagnostics must reset after each result");
        Assert.That(results[2].Reason, Is.EqualTo("VFIO_DEVICE_SET_IRQS: EINVAL"));
    }

    [Test]
    public void NestedSubtestsAreNamedAfterTheirParent()
    {
        var sw = new StringWriter();
        var w = new KtapWriter(sw);
        w.WriteVersion();
        w.WritePlan(1);
        var sub = w.BeginSubtest("vfio.pci.dma.verify");
        sub.WriteVersion();
        sub.WritePlan(2);
        sub.WriteResult(1, KtapStatus.Pass, "size_64");
        sub.WriteMeasurement("bytes", 64, "B");
        sub.WriteResult(2, KtapStatus.Fail, "size_4095");
        w.WriteResult(1, KtapStatus.Fail, "vfio.pci.dma.verify");

        var results = Parse(sw.ToString());

        Assert.That(results.Select(r => (r.Id, r.Depth, r.Status)), Is.EqualTo(new[]
        {
            ("vfio.pci.dma.verify/size_64", 1, KtapStatus.Pass),
            ("vfio.pci.dma.verify/size_4095", 1, KtapStatus.Fail),
            ("vfio.pci.dma.verify", 0, KtapStatus.Fail),
        }));
        Assert.That(results[1].Measurements.Single().Name, Is.EqualTo("bytes"));
    }

    [Test]
    public void ResultsStreamOneLineAtATime()
    {
        var parser = new KtapParser();
        Assert.That(parser.Feed("KTAP version 1"), Is.Empty);
        Assert.That(parser.Feed("1..2"), Is.Empty);
        var first = parser.Feed("ok 1 a");
        Assert.That(first.Single().Id, Is.EqualTo("a"), "a result must be available as soon as its line is read");
        Assert.That(parser.Feed("ok 2 b").Single().Id, Is.EqualTo("b"));
        Assert.That(parser.Complete(), Is.Empty);
    }

    [Test]
    public void TruncatedOutputReportsEveryMissingTestAsError()
    {
        var results = Parse("KTAP version 1\n1..4\nok 1 a\nok 2 b\n[  12.3] Internal error: Oops: 96000004\n");

        var missing = results.Where(r => r.Status == KtapStatus.Error).ToList();
        Assert.That(missing.Select(r => r.Number), Is.EqualTo(new[] { 3, 4 }));
        Assert.That(missing[0].Reason, Does.Contain("truncated"));
        Assert.That(missing[0].Log, Has.Some.Contains("Oops"), "the last lines before the cut are kept with the error");
    }

    [Test]
    public void EmptyOrGarbageInputIsAHarnessError()
    {
        Assert.That(Parse(string.Empty).Single().IsHarnessError, Is.True);
        var garbage = Parse("\u0000\u0001binary junk\nSegmentation fault\n");
        Assert.That(garbage.Single().Status, Is.EqualTo(KtapStatus.Error));
        Assert.That(garbage.Single().Reason, Does.Contain("no KTAP output"));
    }

    [Test]
    public void MalformedAndOutOfOrderResultLinesAreReportedNotThrown()
    {
        var results = Parse("KTAP version 1\n1..2\nok one\nok 2 b\nok 7 c\n");

        Assert.That(results.Count(r => r.IsHarnessError), Is.EqualTo(3), "malformed line, then 2 after 0, then 7 after 2");
        Assert.That(results.Where(r => !r.IsHarnessError).Select(r => r.Id), Is.EqualTo(new[] { "b", "c" }));
        Assert.That(results.First(r => r.IsHarnessError).Reason, Does.Contain("malformed"));
    }

    [Test]
    public void SubtestThatNeverEndsBecomesAnErrorOfItsParent()
    {
        var results = Parse("KTAP version 1\n1..1\n# Subtest: stress\n    KTAP version 1\n    1..3\n    ok 1 x\n");

        Assert.That(results.Select(r => r.Id), Does.Contain("stress/x"));
        Assert.That(results.Where(r => r.Id.StartsWith("stress/#")).Select(r => r.Number), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(results.Any(r => r.IsHarnessError && r.Reason!.Contains("without its result line")), Is.True);
        Assert.That(results.Any(r => r.Reason?.Contains("1 of 1") == true || r.Number == 1 && r.Id == "#1"), Is.True,
            "the top-level plan promised one result that never came");
    }

    [Test]
    public void HostileTextCannotForgeResultLinesOrBreakTheStream()
    {
        var sw = new StringWriter();
        var w = new KtapWriter(sw);
        w.WriteVersion();
        w.WritePlan(1);
        w.WriteDiagnostic("evil\nok 99 forged\r\n<script>alert(1)</script>");
        w.WriteResult(1, KtapStatus.Pass, "name # SKIP not really\nnot ok 2 x");

        var results = Parse(sw.ToString());

        Assert.That(results, Has.Count.EqualTo(1));
        Assert.That(results[0].Status, Is.EqualTo(KtapStatus.Pass), "a '#' in a name must not become a directive");
        Assert.That(results[0].Log.Single(), Does.Contain("\\x0aok 99 forged"));
        Assert.That(results[0].Log.Single(), Does.Contain("<script>"), "escaping for HTML is the page's job, not KTAP's");
    }

    [Test]
    public void AFloodOfLinesIsBounded()
    {
        var text = "KTAP version 1\n1..1\n" + string.Concat(Enumerable.Repeat("# spam\n", 10_000)) + "ok 1 a\n";

        var result = Parse(text).Single();

        Assert.That(result.Log, Has.Count.LessThanOrEqualTo(KtapLevel.MaxPendingLines + 1));
        Assert.That(result.Log[^1], Does.Match(@"\[\d+ more lines dropped\]"));
    }

    [Test]
    public void AFailureMessageThatLooksLikeADirectiveStaysAFailure()
    {
        var sw = new StringWriter();
        var w = new KtapWriter(sw);
        w.WriteVersion();
        w.WritePlan(2);
        w.WriteResult(1, KtapStatus.Fail, "a", "skip this: expected EINVAL, got 0");
        w.WriteResult(2, KtapStatus.Fail, "b", "ERRORS counted: 3");

        var results = Parse(sw.ToString());

        Assert.That(results.Select(r => r.Status), Is.EqualTo(new[] { KtapStatus.Fail, KtapStatus.Fail }));
        Assert.That(results[0].Reason, Is.EqualTo("note: skip this: expected EINVAL, got 0"));
        Assert.That(results[1].Reason, Is.EqualTo("ERRORS counted: 3"), "only a whole directive word is guarded");
    }

    [Test]
    public void TapFourteenAndTimeoutDirectivesAreUnderstood()
    {
        var results = Parse("TAP version 14\n1..2\nnot ok 1 slow # TIMEOUT after 30 s\nok 2 fine # a note\n");

        Assert.That(results[0].Status, Is.EqualTo(KtapStatus.Error));
        Assert.That(results[1].Status, Is.EqualTo(KtapStatus.Pass));
        Assert.That(results[1].Reason, Is.EqualTo("a note"));
    }
}
