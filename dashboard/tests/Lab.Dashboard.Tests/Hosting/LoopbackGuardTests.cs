using Lab.Dashboard.Hosting;

namespace Lab.Dashboard.Tests.Hosting;

public sealed class LoopbackGuardTests
{
    [TestCase("http://127.0.0.1:5080")]
    [TestCase("http://[::1]:5080")]
    [TestCase("http://localhost:5080")]
    [TestCase("http://127.0.0.1:0;http://[::1]:0")]
    public void Loopback_addresses_are_accepted(string urls) =>
        Assert.That(LoopbackGuard.Check(urls, allowRemote: false), Is.Not.Empty);

    [TestCase("http://0.0.0.0:5080")]
    [TestCase("http://*:5080")]
    [TestCase("http://+:5080")]
    [TestCase("http://[::]:5080")]
    [TestCase("http://192.168.1.10:5080")]
    [TestCase("http://127.0.0.1:5080;http://0.0.0.0:5081")]
    public void Other_addresses_are_refused_unless_allowed(string urls)
    {
        var ex = Assert.Throws<ArgumentException>(() => LoopbackGuard.Check(urls, allowRemote: false));
        Assert.That(ex!.Message, Does.Contain("not a loopback address").And.Contain("AllowRemote"));
        Assert.That(LoopbackGuard.Check(urls, allowRemote: true), Is.Not.Empty);
    }

    [Test]
    public void The_host_refuses_to_build_on_a_remote_address()
    {
        var ex = Assert.Throws<ArgumentException>(() => DashboardHost.Build(new DashboardOptions { StorePath = "/tmp/x.db", Urls = "http://0.0.0.0:5080" }));
        Assert.That(ex!.Message, Does.Contain("0.0.0.0"));
    }
}
