using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace Lab.Dashboard.Tests.Support;

/// <summary>The dashboard on a real Kestrel port (127.0.0.1:0) over a store file, with an HTTP client for it.</summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<DashboardServer> StartAsync(SeededLab lab, string? tokenFile = null)
    {
        var time = new FakeTimeProvider(lab.Now);
        var app = DashboardHost.Build(new DashboardOptions
        {
            StorePath = lab.StorePath,
            Urls = "http://127.0.0.1:0",
            TokenFile = tokenFile ?? Path.Combine(Path.GetDirectoryName(lab.StorePath)!, "no-such.token"),
            TimeProvider = time,
        });
        await app.StartAsync();
        return new DashboardServer(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
