using System.Net;
using Lab.Dashboard.Tests.Support;
using static Lab.Dashboard.Tests.Support.Json;

namespace Lab.Dashboard.Tests.Features;

/// <summary>The bisections a <c>lab bisect</c> stored: listed, one shown with its steps and runs, the same as JSON.</summary>
public sealed class BisectPagesTests
{
    private static HttpClient Http => TestLab.Server.Http;

    private static SeededLab Lab => TestLab.Lab;

    [Test]
    public async Task The_list_links_each_bisection_and_says_what_it_found()
    {
        var html = await Http.GetStringAsync(new Uri("/bisect", UriKind.Relative));

        Assert.That(html, Does.Contain($"data-bisect=\"{Lab.BisectionId}\""));
        Assert.That(html, Does.Contain($"href=\"/bisect/{Lab.BisectionId}\""));
        Assert.That(html, Does.Contain("<code>444444444444</code> vfio/platform: &lt;script&gt;"), "the first bad commit, short, with its subject as text");
    }

    [Test]
    public async Task A_bisection_shows_each_step_s_commit_verdict_and_run()
    {
        var html = await Http.GetStringAsync(new Uri("/bisect/" + E(Lab.BisectionId), UriKind.Relative));

        Assert.That(html, Does.Contain("data-commit=\"" + new string('4', 40) + "\" data-verdict=\"bad\""));
        Assert.That(html, Does.Contain("data-commit=\"" + new string('2', 40) + "\" data-verdict=\"good\""));
        Assert.That(html, Does.Contain("data-commit=\"" + new string('3', 40) + "\" data-verdict=\"skip\""));
        Assert.That(html, Does.Contain($"href=\"/runs/{Lab.NightlyRunIds[^1]}\""), "a step links the run that tested it");
        Assert.That(html, Does.Contain("lab.board.build MISS"));
    }

    [Test]
    public async Task The_api_gives_the_same_bisection_and_an_unknown_one_is_not_found()
    {
        var b = await GetAsync(Http, "/api/bisections/" + E(Lab.BisectionId));
        using var missing = await Http.GetAsync(new Uri("/bisect/b-nope", UriKind.Relative));

        Assert.That((string?)b["firstBad"], Is.EqualTo(new string('4', 40)));
        Assert.That(b["steps"]!.AsArray().Select(s => (string?)s!["verdict"]), Is.EqualTo(new[] { "bad", "good", "skip" }));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
