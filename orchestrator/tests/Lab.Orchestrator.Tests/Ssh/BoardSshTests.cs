using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Ssh;
using Lab.Orchestrator.Tests.Support;

namespace Lab.Orchestrator.Tests.Ssh;

/// <summary>BoardSsh against the board's real dropbear (the shared QEMU board).</summary>
[Category("Qemu")]
[Category("Ssh")]
[NonParallelizable]
public sealed class BoardSshTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);
    private QemuBoard _board = null!;

    [OneTimeSetUp]
    public async Task Boot()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        _board = await SharedQemuBoard.GetAsync(cts.Token);
    }

    [Test]
    public async Task A_wrong_pinned_host_key_is_refused_naming_both_fingerprints()
    {
        var real = HostKeyFingerprint.Normalize(_board.SshOptions.HostKeySha256);
        var corrupted = "SHA256:" + new string(real["SHA256:".Length..].Reverse().ToArray());
        var options = _board.SshOptions with { HostKeySha256 = corrupted };

        var e = Assert.ThrowsAsync<HostKeyMismatchException>(() => BoardSsh.ConnectAsync(options, TimeProvider.System, CancellationToken.None));

        Assert.That(e!.Message, Does.Contain(corrupted).And.Contain(real));
        Assert.That(e.Expected, Is.EqualTo(corrupted));
        Assert.That(e.Actual, Is.EqualTo(real));
    }

    [Test]
    public async Task Exit_status_is_reported_and_checked()
    {
        var result = await _board.Ssh.RunAsync("echo out; echo err >&2; exit 3", _timeout, CancellationToken.None);

        Assert.That(result.ExitStatus, Is.EqualTo(3));
        Assert.That(result.Stdout, Is.EqualTo("out\n"));
        Assert.That(result.Stderr, Is.EqualTo("err\n"));
        var e = Assert.ThrowsAsync<BoardCommandException>(() => _board.Ssh.RunCheckedAsync("exit 3", _timeout, CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("exit status 3"));
    }

    [Test]
    public async Task Arguments_reach_the_board_verbatim()
    {
        string[] nasty = ["a b", "it's", "$HOME", "`id`", "\"dq\"", "semi;colon", "*"];

        var result = await _board.Ssh.RunArgvAsync(["printf", "%s|", .. nasty], _timeout, CancellationToken.None);

        Assert.That(result.Stdout, Is.EqualTo(string.Join('|', nasty) + "|"));
    }

    [Test]
    public async Task A_command_over_its_timeout_is_classified_and_the_session_survives()
    {
        var e = Assert.ThrowsAsync<BoardConnectionLostException>(
            () => _board.Ssh.RunAsync("sleep 30", TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.That(e!.TimedOut, Is.True);

        var after = await _board.Ssh.RunCheckedAsync("echo alive", _timeout, CancellationToken.None);
        Assert.That(after.Stdout, Is.EqualTo("alive\n"));
    }

    [Test]
    public async Task Stdout_is_streamed_line_by_line()
    {
        var lines = new List<(string Line, DateTimeOffset At)>();

        var result = await _board.Ssh.RunStreamingAsync(
            "echo 'KTAP version 1'; echo 1..2; sleep 1; echo 'ok 1 first'; sleep 1; echo 'ok 2 second'",
            (line, _) =>
            {
                lines.Add((line, DateTimeOffset.UtcNow));
                return ValueTask.CompletedTask;
            },
            _timeout, CancellationToken.None);

        Assert.That(result.ExitStatus, Is.Zero);
        Assert.That(lines.Select(l => l.Line), Is.EqualTo(new[] { "KTAP version 1", "1..2", "ok 1 first", "ok 2 second" }));
        Assert.That(lines[3].At - lines[0].At, Is.GreaterThan(TimeSpan.FromSeconds(1.5)), "lines arrived as printed, not at the end");
    }

    [Test]
    public async Task A_failing_line_handler_stops_the_command_and_surfaces()
    {
        await _board.Ssh.RunAsync("rm -f /run/handler-test", _timeout, CancellationToken.None);

        Assert.ThrowsAsync<InvalidDataException>(() => _board.Ssh.RunStreamingAsync(
            "echo bad; sleep 5; touch /run/handler-test",
            (_, _) => throw new InvalidDataException("parser gave up"),
            _timeout, CancellationToken.None));

        await Task.Delay(TimeSpan.FromSeconds(6));
        var marker = await _board.Ssh.RunAsync("test -e /run/handler-test", _timeout, CancellationToken.None);
        Assert.That(marker.ExitStatus, Is.Not.Zero, "the command went on after the handler failed");
    }

    [Test]
    public async Task Uploads_happen_only_when_the_board_has_other_content()
    {
        var local = Path.Combine(Directory.CreateTempSubdirectory("vfiolab-upload-").FullName, "payload.bin");
        await File.WriteAllBytesAsync(local, Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray());
        const string remote = "/tmp/upload test/payload.bin";
        await _board.Ssh.RunAsync("rm -rf '/tmp/upload test'", _timeout, CancellationToken.None);

        var first = await _board.Ssh.UploadIfChangedAsync(local, remote, Convert.ToInt32("644", 8), CancellationToken.None);
        var second = await _board.Ssh.UploadIfChangedAsync(local, remote, Convert.ToInt32("644", 8), CancellationToken.None);
        await File.AppendAllTextAsync(local, "changed");
        var third = await _board.Ssh.UploadIfChangedAsync(local, remote, Convert.ToInt32("644", 8), CancellationToken.None);

        Assert.That((first.Uploaded, second.Uploaded, third.Uploaded), Is.EqualTo((true, false, true)));
        Assert.That(await _board.Ssh.RemoteSha256Async(remote, CancellationToken.None), Is.EqualTo(third.Sha256));
    }
}
