using System.Diagnostics;
using Lab.Orchestrator.Tests.Run;

namespace Lab.Orchestrator.Tests.Kernel;

/// <summary>The lab's private apt takes Debian's mirror from the host's apt sources (kernel/lib/apt-private.sh), both formats.</summary>
public sealed class AptSourcesTests
{
    private string _etc = null!;

    [SetUp]
    public void SetUp()
    {
        _etc = Directory.CreateTempSubdirectory("lab-apt-etc-").FullName;
        Directory.CreateDirectory(Path.Combine(_etc, "sources.list.d"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_etc, recursive: true);

    private async Task<string> MirrorsAsync()
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("source \"$1\" && host_debian_mirrors");
        psi.ArgumentList.Add("bash");
        psi.ArgumentList.Add(RepoFiles.Path("kernel/lib/apt-private.sh"));
        psi.Environment["VFIOLAB_APT_ETC"] = _etc;
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.That(p.ExitCode, Is.Zero, await p.StandardError.ReadToEndAsync());
        return output.Trim();
    }

    [Test]
    public async Task Deb822_sources_give_the_mirror_and_the_security_mirror_and_disabled_or_foreign_entries_are_passed_over()
    {
        await File.WriteAllTextAsync(Path.Combine(_etc, "sources.list.d", "a-disabled.sources"),
            "Types: deb\nURIs: http://old.invalid/debian\nSuites: bookworm\nComponents: main\nEnabled: no\n");
        await File.WriteAllTextAsync(Path.Combine(_etc, "sources.list.d", "debian.sources"),
            "Types: deb\n# a comment\nURIs: http://apt.invalid/debian/\nSuites: bookworm bookworm-updates\nComponents: main\n\n"
            + "Types: deb\nURIs: http://apt.invalid/debian-security\nSuites: bookworm-security\nComponents: main\n");
        await File.WriteAllTextAsync(Path.Combine(_etc, "sources.list.d", "vendor.sources"),
            "Types: deb\nURIs: https://vendor.invalid/apt\nSuites: nodistro\nComponents: main\n");

        Assert.That(await MirrorsAsync(), Is.EqualTo("http://apt.invalid/debian http://apt.invalid/debian-security"));
    }

    [Test]
    public async Task One_line_sources_with_options_give_the_same()
    {
        await File.WriteAllTextAsync(Path.Combine(_etc, "sources.list"),
            "# deb http://commented.invalid/debian bookworm main\n"
            + "deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.invalid/debian bookworm main contrib\n"
            + "deb-src http://src.invalid/debian bookworm main\n"
            + "deb http://mirror.invalid/debian-security bookworm-security main\n");

        Assert.That(await MirrorsAsync(), Is.EqualTo("http://mirror.invalid/debian http://mirror.invalid/debian-security"));
    }

    [Test]
    public async Task No_debian_source_gives_nothing_so_the_caller_can_name_the_override()
    {
        await File.WriteAllTextAsync(Path.Combine(_etc, "sources.list.d", "vendor.list"), "deb https://vendor.invalid/apt nodistro main\n");

        Assert.That(await MirrorsAsync(), Is.Empty);
    }
}
