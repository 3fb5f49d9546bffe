using System.Text.Json.Nodes;
using System.Xml.Linq;
using Lab.Dashboard.Tests.Support;
using static Lab.Dashboard.Tests.Support.Json;

namespace Lab.Dashboard.Tests.Apis;

public sealed class ExportsApiTests
{
    private static HttpClient Http => TestLab.Server.Http;

    private static SeededLab Lab => TestLab.Lab;

    [Test]
    public async Task JUnit_has_a_suite_per_board_with_failures_skips_and_messages()
    {
        var xml = XDocument.Parse(await GetTextAsync(Http, $"/api/runs/{E(Lab.LatestNightly)}/junit.xml"));
        var suites = xml.Root!.Elements("testsuite").ToList();
        Assert.That(suites.Select(s => (string?)s.Attribute("name")), Is.EqualTo(LabSeeder.BoardIds));
        Assert.That((int?)xml.Root.Attribute("tests"), Is.EqualTo(44));
        Assert.That((int?)xml.Root.Attribute("failures"), Is.EqualTo(2));
        Assert.That((int?)xml.Root.Attribute("skipped"), Is.EqualTo(1));
        var failure = suites.Single(s => (string?)s.Attribute("name") == "rpi4").Elements("testcase")
            .Single(c => (string?)c.Attribute("name") == LabSeeder.Regressing).Element("failure");
        Assert.That((string?)failure?.Attribute("message"), Does.Contain("EINVAL"));
        var kernels = suites.Select(s => (string?)s.Element("properties")?.Elements("property").SingleOrDefault(p => (string?)p.Attribute("name") == "kernel")?.Attribute("value"));
        Assert.That(kernels, Is.All.Not.Null.And.All.EndsWith("-arm64"), "each suite names the kernel its results came from");
    }

    [Test]
    public async Task JUnit_keeps_hostile_names_as_text()
    {
        var xml = XDocument.Parse(await GetTextAsync(Http, $"/api/runs/{E(Lab.XssRunId)}/junit.xml"));
        var names = xml.Descendants("testcase").Select(c => (string?)c.Attribute("name"));
        Assert.That(names, Has.Member(LabSeeder.XssCase));
        Assert.That(xml.Descendants("script"), Is.Empty);
    }

    [Test]
    public async Task Kcidb_v5_has_checkout_build_and_one_test_per_result()
    {
        var k = await GetAsync(Http, $"/api/runs/{E(Lab.LatestNightly)}/kcidb.json");
        Assert.That(((int)k["version"]!["major"]!, (int)k["version"]!["minor"]!), Is.EqualTo((5, 3)));
        var checkout = k["checkouts"]![0]!;
        var build = k["builds"]![0]!;
        Assert.That((string?)build["checkout_id"], Is.EqualTo((string?)checkout["id"]));
        var tests = k["tests"]!.AsArray();
        Assert.That(tests, Has.Count.EqualTo(44));
        Assert.That(tests.Select(t => (string)t!["status"]!).Distinct(), Is.SubsetOf(new[] { "FAIL", "ERROR", "MISS", "PASS", "DONE", "SKIP" }));
        Assert.That(tests.Select(t => (string)t!["id"]!), Is.All.StartWith("vfiolab:"));
        Assert.That(tests.Select(t => (string)t!["id"]!), Is.Unique);
        Assert.That(tests.Select(t => (string?)t!["build_id"]), Is.All.EqualTo((string?)build["id"]));
        var fail = tests.Single(t => (string?)t!["path"] == LabSeeder.Regressing && (string?)t!["misc"]!["board"] == "rpi4")!;
        Assert.That(((string?)fail["status"], (string?)fail["misc"]!["errno_name"]), Is.EqualTo(("FAIL", "EINVAL")));
        Assert.That((string?)build["misc"]!["module_build_hash"], Is.EqualTo("ko-7"));
        Assert.That(tests.Select(t => (string?)t!["misc"]!["kernel"]), Is.All.Not.Null.And.All.EndsWith("-arm64"),
            "each test names the kernel that produced it");
        Assert.That(build["misc"]!["kernel_releases"]!.AsArray().Select(k => (string?)k), Has.Member((string?)fail["misc"]!["kernel"]));
        JsonNode.Parse(k.ToJsonString()); // round-trips
    }
}
