using System.Diagnostics;
using System.Globalization;
using Lab.Dashboard;
using Lab.Dashboard.Bench;
using Lab.Orchestrator.Core.Results;
using Lab.Results;

// Seeds nights x boards x cases results (default 365 x 4 x 700 = 1,022,000), then prints p50/p95 per endpoint.
// LAB_BENCH_STORE=FILE keeps the seeded store in FILE and reuses it on the next run (seeding takes a minute or two);
// LAB_BENCH_ONLY=TEXT times only the endpoints containing TEXT.
var a = args.Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
int nights = a.Length > 0 ? a[0] : 365, boards = a.Length > 1 ? a[1] : 4, cases = a.Length > 2 ? a[2] : 700, iterations = a.Length > 3 ? a[3] : 15;
var kept = Environment.GetEnvironmentVariable("LAB_BENCH_STORE");
var dir = kept is null ? Directory.CreateTempSubdirectory("vfiolab-bench-").FullName : null;
var path = kept ?? Path.Combine(dir!, "results.db");
try
{
    var sw = Stopwatch.StartNew();
    var reuse = kept is not null && File.Exists(kept);
    var runIds = reuse ? BulkSeeder.RunIds(nights) : BulkSeeder.Seed(path, nights, boards, cases);
    Console.WriteLine(reuse
        ? $"reusing {path} (LAB_BENCH_STORE)"
        : $"seeded {nights * boards * cases:N0} results in {nights} runs: {sw.Elapsed.TotalSeconds:F1} s (bulk insert, no indexes)");
    sw.Restart();
    using (var store = new LiteDbResultStore(path))
    {
        Console.WriteLine($"store opened, indexes ensured: {sw.Elapsed.TotalSeconds:F1} s; file {new FileInfo(path).Length / 1048576.0:F0} MiB");
        sw.Restart();
        // The probe is written and read back through the store; it is removed from the ranking below by naming the
        // newest nightly run explicitly (the probe is newer: it uses the real clock).
        var probe = store.StartRun(RunTrigger.Manual, "bench", ["board0"], new BuildInfo("bench"));
        store.AddResult(new TestResultRecord(probe.Id, "board0", "vfio.bench.probe", TestStatus.Pass, TimeSpan.FromSeconds(1), DateTimeOffset.UtcNow));
        store.FinishRun(probe.Id);
        Console.WriteLine($"one run + result written through the store at 1 M: {sw.Elapsed.TotalMilliseconds:F0} ms");
    }

    await using var app = DashboardHost.Build(new DashboardOptions { StorePath = path, Urls = "http://127.0.0.1:0" });
    await app.StartAsync();
    using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromMinutes(5) };
    string latest = runIds[^1], previous = runIds[^2], old = runIds[^30];
    string E(string s) => Uri.EscapeDataString(s);
    string[] endpoints =
    [
        "/runs", $"/regressions?run={E(latest)}", $"/api/regressions?run={E(latest)}&window=20",
        "/api/runs", "/api/runs?board=board1&status=FAIL", "/api/runs?trigger=nightly&from=2025-06-01&to=2025-06-30",
        $"/runs/{E(latest)}", $"/api/runs/{E(latest)}", $"/runs/{E(latest)}/boards/board0/case?test=vfio.suite5.case0005",
        $"/matrix?run={E(latest)}", $"/api/runs/{E(latest)}/matrix",
        "/matrix/boards/board1?n=14", "/api/boards/board1/matrix?n=14",
        "/trends", "/trends/board1", "/api/boards/board1/trends",
        $"/api/runs/{E(latest)}/boards/board0/case?test=vfio.suite5.case0005", "/matrix",
        "/queue", "/api/jobs", "/api/runnow",
        $"/compare?a={E(previous)}&b={E(latest)}", $"/api/compare?a={E(old)}&b={E(latest)}",
        "/boards", "/api/boards",
        $"/api/runs/{E(latest)}/junit.xml", $"/api/runs/{E(latest)}/kcidb.json",
    ];
    Console.WriteLine($"{"endpoint",-66} {"first",8} {"p50",8} {"p95",8}  (ms, {iterations} warm requests)");
    var only = Environment.GetEnvironmentVariable("LAB_BENCH_ONLY");
    foreach (var endpoint in endpoints.Where(e => only is null || e.Contains(only, StringComparison.Ordinal)))
    {
        var first = await TimeAsync(http, endpoint);
        var times = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            times.Add(await TimeAsync(http, endpoint));
        }

        times.Sort();
        Console.WriteLine($"{endpoint,-66} {first,8:F1} {Pct(times, 0.50),8:F1} {Pct(times, 0.95),8:F1}");
    }

    await app.StopAsync();
}
finally
{
    if (dir is not null)
    {
        Directory.Delete(dir, recursive: true);
    }
}

static async Task<double> TimeAsync(HttpClient http, string path)
{
    var t0 = Stopwatch.GetTimestamp();
    using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
    _ = await response.Content.ReadAsByteArrayAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
    }

    return Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
}

static double Pct(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
