using System.Diagnostics;
using Lab.Orchestrator.Tests.Run;

namespace Lab.Orchestrator.Tests.Kernel;

/// <summary>
/// When the lab's private apt asks the mirror for new indexes (kernel/lib/apt-private.sh apt_private_update): fresh
/// indexes are not asked again, and an update that failed (an index mid-sync) is retried after a while, not on every
/// call. `apt-get` itself is replaced by a script that counts its calls and fails or succeeds as told.
/// </summary>
public sealed class AptUpdateTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("lab-apt-update-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "lists"));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task A_failed_update_is_retried_after_the_retry_age_and_a_good_one_holds_for_the_max_age()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await UpdateAsync(fail: true, retrySeconds: 900), Is.EqualTo(1), "the first call asks the mirror");
            Assert.That(await UpdateAsync(fail: true, retrySeconds: 900), Is.EqualTo(1), "a failure is not retried on the next call");
            Assert.That(File.Exists(Path.Combine(_dir, "lists", ".update-failed")), Is.True);
            Assert.That(await UpdateAsync(fail: false, retrySeconds: 0), Is.EqualTo(2), "retried once the retry age has passed");
            Assert.That(File.Exists(Path.Combine(_dir, "lists", ".updated")), Is.True);
            Assert.That(File.Exists(Path.Combine(_dir, "lists", ".update-failed")), Is.False, "a good update clears the failure");
            Assert.That(await UpdateAsync(fail: true, retrySeconds: 0), Is.EqualTo(2), "fresh indexes are not asked again");
        });
    }

    // Runs apt_private_update with apt_private replaced; returns how many times it has been called in this test.
    private async Task<int> UpdateAsync(bool fail, int retrySeconds)
    {
        var count = Path.Combine(_dir, "calls");
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("""
            calls="$3" outcome="$4"
            source "$1"
            APT_PRIV_DIR="$2"
            apt_private() { echo x >>"$calls"; [ "$outcome" = ok ]; }
            apt_private_update
            """);
        psi.ArgumentList.Add("bash");
        psi.ArgumentList.Add(RepoFiles.Path("kernel/lib/apt-private.sh"));
        psi.ArgumentList.Add(_dir);
        psi.ArgumentList.Add(count);
        psi.ArgumentList.Add(fail ? "fail" : "ok");
        psi.Environment["VFIOLAB_APT_RETRY_AGE"] = retrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var p = Process.Start(psi)!;
        var errors = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.That(p.ExitCode, Is.Zero, await errors);
        return File.Exists(count) ? (await File.ReadAllLinesAsync(count)).Length : 0;
    }
}
