using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Tests.Support;
using Lab.Results;

namespace Lab.Orchestrator.Tests.Run;

/// <summary>
/// <c>lab bench</c> on the default QEMU board as a user runs it: the real agent and the real C reference on the real
/// board, one short round; the table printed and stored as a run.
/// </summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class LabBenchQemuTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("lab-bench-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Lab_bench_prints_c_and_agent_figures_for_every_loop_and_stores_them_as_a_run()
    {
        Prerequisites.RequireQemuBoardHost();
        var lab = RepoFiles.WriteLabJson(_dir);

        await using var bench = LabProcess.Start("bench", "--rounds", "2", "--iterations", "50", lab);
        var code = await bench.ExitCodeAsync(TimeSpan.FromMinutes(15));

        var output = bench.Output;
        using var store = new LiteDbResultStore(Path.Combine(_dir, "results.db"), readOnly: true);
        var run = store.ListRuns(new RunQuery()).Single();
        var results = store.GetResults(run.Id);
        string[] rows =
        [
            "irq-loopback@virtio-rng", "peak-rss@virtio-rng", "irq-loopback@pl031", "irq-unmask@pl031", "irq-loopback@edu", "edu-msi@edu",
            "map-unmap@edu", "edu-dma@edu", "irq-loopback@virtio-blk", "syscall", "start@virtio-rng", "start-floor",
        ];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain("C median [min-max]").And.Contain("agent/C"));
            foreach (var row in rows)
            {
                var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(row + " ", StringComparison.Ordinal));
                Assert.That(line, Is.Not.Null, $"a table row for {row}");
                Assert.That(line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2..], Has.All.Match(@"^\d+\.\d\d$"), $"{row} has both sides and their ratios: {line}");
            }

            Assert.That(run.Who, Does.StartWith("lab bench"));
            Assert.That(results.Select(r => r.TestId), Is.EquivalentTo(rows.Select(r => "lab.bench." + r)), "the bench's rows and nothing of the catalog");
            Assert.That(results.Select(r => $"{r.TestId} {r.Status} {r.Reason}"), Has.All.Contains(" Pass"));
            var ratios = results.SelectMany(r => r.Measurements ?? []).Where(m => m.Name == "agent_over_c").Select(m => m.Value).ToList();
            Assert.That(ratios, Has.Count.EqualTo(rows.Length), "a ratio per row");
            Assert.That(ratios, Has.All.GreaterThan(0));
            Assert.That(results.Single(r => r.TestId == "lab.bench.map-unmap@edu").Measurements!.Single(m => m.Name == "c.median").Value, Is.GreaterThan(100), "ops/s of a real MAP/UNMAP loop");
            Assert.That(store.GetLeases(), Is.Empty, "the board's lease is given back");
        });
    }
}
