using System.Net;
using Lab.Dashboard.Tests.Support;
using static Lab.Dashboard.Tests.Support.Json;

namespace Lab.Dashboard.Tests.Apis;

/// <summary>Everything from a board is shown as text: no tag from the store reaches a page as markup.</summary>
public sealed class EscapingTests
{
    private static HttpClient Http => TestLab.Server.Http;

    private static SeededLab Lab => TestLab.Lab;

    private static IEnumerable<string> Pages()
    {
        yield return "/runs";
        yield return "/runs?trigger=manual";
        yield return "/runs/{xss}";
        yield return "/runs/{xss}/boards/qemu-arm64/case?test=" + E(LabSeeder.XssCase);
        yield return "/matrix?run={xss}";
        yield return "/regressions?run={xss}";
        yield return "/compare?a={xss}&b={latest}";
        yield return "/boards";
        yield return "/bisect";
        yield return "/bisect/{bisect}";
    }

    [TestCaseSource(nameof(Pages))]
    public async Task Script_from_the_store_is_encoded(string template)
    {
        var path = template.Replace("{xss}", E(Lab.XssRunId)).Replace("{latest}", E(Lab.LatestNightly)).Replace("{bisect}", E(Lab.BisectionId));
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        Assert.That(html, Does.Not.Contain("<script").IgnoreCase, path);
        Assert.That(html, Does.Not.Contain("<img").And.Not.Contain("<b>").And.Not.Contain("<u>"), path);
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'none'").Or.Contain("default-src 'none'"));
    }

    [Test]
    public async Task The_case_page_shows_hostile_text_as_text()
    {
        var html = await GetTextAsync(Http, $"/runs/{E(Lab.XssRunId)}/boards/qemu-arm64/case?test={E(LabSeeder.XssCase)}");
        Assert.That(html, Does.Contain("vfio.xss.&lt;script&gt;window.__xss=1&lt;/script&gt;"));
        Assert.That(html, Does.Contain("&lt;img src=x onerror=&quot;window.__xss=3&quot;&gt;"));
        Assert.That(html, Does.Contain("BUG: &lt;script&gt;"));
    }

    [Test]
    public async Task Text_logs_are_plain_text_and_not_sniffed()
    {
        using var response = await Http.GetAsync(new Uri($"/api/runs/{E(Lab.LatestNightly)}/build-log", UriKind.Relative));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
    }
}
