using Lab.Dashboard.Tests.Support;

namespace Lab.Dashboard.Tests;

/// <summary>
/// One seeded store and one dashboard (no run-now token) for the whole test assembly: seeding takes a few seconds,
/// and every test only reads.
/// </summary>
[SetUpFixture]
public sealed class TestLab
{
    private static DashboardServer? s_server;
    private static SeededLab? s_lab;
    private string? _dir;

    public static DashboardServer Server => s_server ?? throw new InvalidOperationException("TestLab did not start");

    public static SeededLab Lab => s_lab ?? throw new InvalidOperationException("TestLab did not seed");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _dir = Directory.CreateTempSubdirectory("vfiolab-dashboard-").FullName;
        s_lab = LabSeeder.Seed(Path.Combine(_dir, ".lab", "results.db"));
        s_server = await DashboardServer.StartAsync(s_lab);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (s_server is not null)
        {
            await s_server.DisposeAsync();
        }

        if (_dir is not null)
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
