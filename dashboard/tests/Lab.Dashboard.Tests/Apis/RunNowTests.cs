using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lab.Dashboard.Tests.Support;

namespace Lab.Dashboard.Tests.Apis;

/// <summary>"Run now" with a token configured: the form queues a job in the real store, as <c>lab submit</c> does.</summary>
public sealed partial class RunNowTests
{
    private const string Token = "s3cret-lab-token";
    private string _dir = string.Empty;
    private DashboardServer? _server;

    private DashboardServer Server => _server!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _dir = Directory.CreateTempSubdirectory("vfiolab-runnow-").FullName;
        var tokenFile = Path.Combine(_dir, "dashboard.token");
        await File.WriteAllTextAsync(tokenFile, Token + "\n");
        _server = await DashboardServer.StartAsync(TestLab.Lab, tokenFile);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task With_the_token_a_same_origin_form_post_queues_a_job_for_the_board_and_cases()
    {
        using var http = Client();
        var runs = await http.GetStringAsync(new Uri("/runs", UriKind.Relative));
        Assert.That(runs, Does.Contain("data-testid=\"run-now\""));
        var (field, af) = await FormAsync(http);
        Assert.That(await http.GetStringAsync(new Uri("/runs/now", UriKind.Relative)), Does.Not.Contain(Token));

        using var response = await PostAsync(http, field, af, "rpi4", "vfio.platform.irq.*", Token, Server.Address.GetLeftPart(UriPartial.Authority));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        Assert.That(location, Does.StartWith("/queue/"));
        var jobId = location.Split('/')[^1];

        var job = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/jobs/" + jobId, UriKind.Relative)))!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)job["state"], Is.EqualTo("queued"));
            Assert.That(job["boards"]!.AsArray().Select(b => (string?)b), Is.EqualTo(new[] { "rpi4" }));
            Assert.That((string?)job["cases"], Is.EqualTo("vfio.platform.irq.*"));
            Assert.That((string?)job["trigger"], Is.EqualTo("dashboard"));
            Assert.That((string?)job["who"], Does.StartWith("dashboard ("));
        });
        var page = await http.GetStringAsync(new Uri(location, UriKind.Relative));
        Assert.That(page, Does.Contain("data-testid=\"job-state\">queued").And.Not.Contain(Token));
        var queue = await http.GetStringAsync(new Uri("/queue", UriKind.Relative));
        Assert.That(queue, Does.Contain($"data-job=\"{jobId}\"").And.Contain("not-serving"), "the queue lists it and says no scheduler runs here");
    }

    [TestCase("wrong-token", true, true, "wrong lab token")]
    [TestCase(Token, false, true, "did not come from this dashboard")]
    [TestCase(Token, true, false, "antiforgery")]
    public async Task Without_every_guard_the_post_is_refused(string token, bool sameOrigin, bool withAntiforgery, string message)
    {
        using var http = Client();
        var (field, af) = await FormAsync(http);
        var origin = sameOrigin ? Server.Address.GetLeftPart(UriPartial.Authority) : "http://evil.example";
        using var response = await PostAsync(http, field, withAntiforgery ? af : "forged", "rpi4", "vfio.*", token, origin);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(message));
    }

    [TestCase("-rf", "vfio.*")]
    [TestCase("rpi4", "--trigger=nightly")]
    [TestCase("rpi4", "vfio.*; rm -rf /")]
    [TestCase("rpi4 other", "vfio.*")]
    public async Task Board_and_pattern_that_could_pass_as_options_or_shell_are_refused(string board, string cases)
    {
        using var http = Client();
        var (field, af) = await FormAsync(http);
        using var response = await PostAsync(http, field, af, board, cases, Token, Server.Address.GetLeftPart(UriPartial.Authority));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Server.Address };

    private static async Task<(string Field, string Value)> FormAsync(HttpClient http)
    {
        var html = await http.GetStringAsync(new Uri("/runs/now", UriKind.Relative));
        var m = HiddenField().Match(html);
        Assert.That(m.Success, Is.True, "the form carries an antiforgery field");
        return (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string field, string af, string board, string cases, string token, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/runs/now", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [field] = af, ["board"] = board, ["cases"] = cases, ["token"] = token }),
        };
        request.Headers.Add("Origin", origin);
        return await http.SendAsync(request);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex HiddenField();
}
