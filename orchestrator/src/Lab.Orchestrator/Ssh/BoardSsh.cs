using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lab.Orchestrator.Core;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Pipeline;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Lab.Orchestrator.Ssh;

/// <summary>
/// SSH and SFTP to one board through SSH.NET: the lab key for login, a pinned host key (any other key is
/// refused before authentication), commands with timeouts and exit-status checks, line streaming for KTAP,
/// and uploads that skip files the board already has. No ssh/scp subprocesses.
/// </summary>
internal sealed class BoardSsh : IBoardLink, IDisposable
{
    private readonly BoardSshOptions _options;
    private readonly TimeProvider _time;
    private readonly PrivateKeyFile _key;
    private readonly SshClient _ssh;
    private readonly SemaphoreSlim _sftpGate = new(1, 1);
    private SftpClient? _sftp;
    private bool _disposed;

    private BoardSsh(BoardSshOptions options, TimeProvider time, PrivateKeyFile key)
    {
        _options = options;
        _time = time;
        _key = key;
        _ssh = new SshClient(CreateConnectionInfo());
    }

    /// <summary>Where this connection goes, <c>user@host:port</c>.</summary>
    public string Endpoint => $"{_options.User}@{_options.Host}:{_options.Port}";

    /// <summary>True while the SSH session is up.</summary>
    public bool IsConnected => !_disposed && _ssh.IsConnected;

    /// <summary>Connects and authenticates; throws <see cref="HostKeyMismatchException"/> when the host key is not the pinned one.</summary>
    public static async Task<BoardSsh> ConnectAsync(BoardSshOptions options, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(options.PrivateKeyPath))
        {
            throw new FileNotFoundException($"the lab SSH key {options.PrivateKeyPath} does not exist (kernel/board/build-image.sh creates it)", options.PrivateKeyPath);
        }

        var board = new BoardSsh(options, time, new PrivateKeyFile(options.PrivateKeyPath));
        try
        {
            await board.ConnectPinnedAsync(board._ssh, ct).ConfigureAwait(false);
            return board;
        }
        catch
        {
            board.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="command"/> with <c>sh -c</c> semantics; a non-zero exit is returned, not thrown.</summary>
    public async Task<CommandResult> RunAsync(string command, TimeSpan timeout, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var cmd = _ssh.CreateCommand(command);
        var start = _time.GetTimestamp();
        using var cts = new StepTimeout(_time, timeout, ct);
        await ExecuteMappedAsync(cmd, command, timeout, cts.Token, ct).ConfigureAwait(false);
        return new CommandResult(command, cmd.ExitStatus, cmd.Result, cmd.Error, _time.GetElapsedTime(start)) { ExitSignal = cmd.ExitSignal };
    }

    /// <summary>Runs a command and throws <see cref="BoardCommandException"/> unless it exits 0.</summary>
    public async Task<CommandResult> RunCheckedAsync(string command, TimeSpan timeout, CancellationToken ct)
    {
        var result = await RunAsync(command, timeout, ct).ConfigureAwait(false);
        return result.Succeeded ? result : throw new BoardCommandException(result);
    }

    /// <summary>Runs a program with arguments, each argument quoted for the board's shell.</summary>
    public Task<CommandResult> RunArgvAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken ct) =>
        RunAsync(ShellQuote.Join(argv), timeout, ct);

    /// <summary>
    /// Runs a command and hands each stdout line to <paramref name="onLine"/> as it arrives (KTAP streaming);
    /// the returned result's <see cref="CommandResult.Stdout"/> is empty. The command gets an SSH connection of its
    /// own (same pinned host key), closed when it ends.
    /// </summary>
    /// <remarks>
    /// Dropbear 2022.82 to 2024.85 (Debian 12 ships 2022.83) closes a new channel at once when one of its session's
    /// other children exits between the channel's open and its exec; the client's next message on it then makes
    /// dropbear drop the whole connection ("Unknown channel 0"): seen when one agent ended as the next device's agent
    /// started. Fixed upstream in 2024.86 ("Don't close channels when a PID hasn't started"). An agent alone on its
    /// connection has no such neighbour, and a connection lost that way takes only that agent with it.
    /// </remarks>
    public async Task<CommandResult> RunStreamingAsync(
        string command, Func<string, CancellationToken, ValueTask> onLine, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var client = new SshClient(CreateConnectionInfo());
        try
        {
            await ConnectPinnedAsync(client, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SshException or IOException or System.Net.Sockets.SocketException)
        {
            throw new BoardConnectionLostException($"{Endpoint}: connection lost ({e.GetType().Name}: {e.Message}) while connecting to run: {Text.Escape(command, 120)}", e);
        }

        try
        {
            return await StreamAsync(client, command, onLine, timeout, ct).ConfigureAwait(false);
        }
        finally
        {
            DisconnectQuietly(client);
        }
    }

    private async Task<CommandResult> StreamAsync(
        SshClient client, string command, Func<string, CancellationToken, ValueTask> onLine, TimeSpan timeout, CancellationToken ct)
    {
        using var cmd = client.CreateCommand(command);
        var start = _time.GetTimestamp();
        using var cts = new StepTimeout(_time, timeout, ct);
        var execute = ExecuteMappedAsync(cmd, command, timeout, cts.Token, ct);
        var read = ReadLinesAsync(cmd.OutputStream, onLine, cts.Token);
        // A dead connection may never end the output stream; the command's own task is what fails then.
        var first = await Task.WhenAny(execute, read).ConfigureAwait(false);
        if (first == execute)
        {
            try
            {
                await execute.ConfigureAwait(false);
            }
            catch
            {
                // The reader may still be handing lines over: stop it and let it finish, so that no line arrives
                // after this call has ended (the caller then names what never came; a late line would be a second
                // result for the same case).
                // SSH.NET's output pipe does not see the token once a read waits: closing it ends that read.
                await cts.CancelAsync().ConfigureAwait(false);
                cmd.OutputStream.Dispose();
                await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(5), _time, CancellationToken.None)).ConfigureAwait(false);
                throw;
            }

            await read.ConfigureAwait(false);
        }
        else
        {
            try
            {
                await read.ConfigureAwait(false);
            }
            catch
            {
                // The line handler failed (or the read did): stop the command rather than leave it running.
                // Bounded: an agent blocked writing to a channel nobody reads may never end it (the store failing
                // under several devices' streams once hung a run here); disposing the command closes the channel.
                await cts.CancelAsync().ConfigureAwait(false);
                await Task.WhenAny(execute, Task.Delay(TimeSpan.FromSeconds(5), _time, CancellationToken.None)).ConfigureAwait(false);
                throw;
            }

            await execute.ConfigureAwait(false);
        }

        return new CommandResult(command, cmd.ExitStatus, string.Empty, cmd.Error, _time.GetElapsedTime(start)) { ExitSignal = cmd.ExitSignal };
    }

    /// <summary>
    /// Uploads <paramref name="localPath"/> over SFTP unless the board's file already has the same SHA-256
    /// (checked with <c>sha256sum</c> on the board). Written to a temporary name and renamed, so a reader never
    /// sees half a file.
    /// </summary>
    public async Task<UploadResult> UploadIfChangedAsync(string localPath, string remotePath, int unixMode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(remotePath);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var local = await HashFileAsync(localPath, ct).ConfigureAwait(false);
        var remote = await RemoteSha256Async(remotePath, ct).ConfigureAwait(false);
        if (string.Equals(local, remote, StringComparison.Ordinal))
        {
            return new UploadResult(remotePath, local, Uploaded: false);
        }

        var sftp = await GetSftpAsync(ct).ConfigureAwait(false);
        var directory = Path.GetDirectoryName(remotePath)?.Replace('\\', '/');
        if (!string.IsNullOrEmpty(directory))
        {
            await RunCheckedAsync("mkdir -p " + ShellQuote.Quote(directory), TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        }

        var temporary = remotePath + ".part";
        var stream = File.OpenRead(localPath);
        await using (stream.ConfigureAwait(false))
        {
            await sftp.UploadFileAsync(stream, temporary, ct).ConfigureAwait(false);
        }

        var mode = Convert.ToString(unixMode, 8);
        await RunCheckedAsync(
            $"chmod {mode} {ShellQuote.Quote(temporary)} && mv -f {ShellQuote.Quote(temporary)} {ShellQuote.Quote(remotePath)}",
            TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        return new UploadResult(remotePath, local, Uploaded: true);
    }

    /// <summary>The board's SHA-256 of a file, or null when it does not exist.</summary>
    public async Task<string?> RemoteSha256Async(string remotePath, CancellationToken ct)
    {
        var result = await RunAsync($"sha256sum {ShellQuote.Quote(remotePath)} 2>/dev/null", TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return null;
        }

        var hash = result.Stdout.Split(' ', 2)[0].Trim();
        return hash.Length == 64 ? hash.ToLowerInvariant() : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        DisconnectQuietly(_sftp);
        DisconnectQuietly(_ssh);
        _sftp?.Dispose();
        _ssh.Dispose();
        _key.Dispose();
        _sftpGate.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken ct)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }

    private static async Task ReadLinesAsync(Stream output, Func<string, CancellationToken, ValueTask> onLine, CancellationToken ct)
    {
        using var reader = new StreamReader(output, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            await onLine(line, ct).ConfigureAwait(false);
        }
    }

    private static void DisconnectQuietly(BaseClient? client)
    {
        try
        {
            if (client is { IsConnected: true })
            {
                client.Disconnect();
            }
        }
        catch (Exception e) when (e is SshException or ObjectDisposedException or IOException or System.Net.Sockets.SocketException)
        {
            // A board that is already gone cannot be said goodbye to.
        }
    }

    private async Task ExecuteMappedAsync(SshCommand cmd, string command, TimeSpan timeout, CancellationToken linked, CancellationToken caller)
    {
        try
        {
            await cmd.ExecuteAsync(linked).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!caller.IsCancellationRequested)
        {
            throw new BoardConnectionLostException(
                $"{Endpoint}: command did not finish within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: {command}", e)
            { TimedOut = true };
        }
        catch (Exception e) when (e is SshException or IOException or System.Net.Sockets.SocketException or ObjectDisposedException
                                      or InvalidOperationException)
        {
            throw new BoardConnectionLostException($"{Endpoint}: connection lost ({e.GetType().Name}: {e.Message}) while running: {Text.Escape(command, 120)}", e);
        }
    }

    private async Task<SftpClient> GetSftpAsync(CancellationToken ct)
    {
        await _sftpGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_sftp is { IsConnected: true })
            {
                return _sftp;
            }

            _sftp?.Dispose();
            _sftp = new SftpClient(CreateConnectionInfo());
            await ConnectPinnedAsync(_sftp, ct).ConfigureAwait(false);
            return _sftp;
        }
        finally
        {
            _sftpGate.Release();
        }
    }

    private ConnectionInfo CreateConnectionInfo() =>
        new PrivateKeyConnectionInfo(_options.Host, _options.Port, _options.User, _key) { Timeout = _options.ConnectTimeout };

    private async Task ConnectPinnedAsync(BaseClient client, CancellationToken ct)
    {
        string? presented = null;
        var pinned = HostKeyFingerprint.Normalize(_options.HostKeySha256);
        void OnHostKey(object? sender, HostKeyEventArgs e)
        {
            presented = HostKeyFingerprint.Normalize(e.FingerPrintSHA256);
            e.CanTrust = HostKeyFingerprint.AreEqual(presented, pinned);
        }

        client.HostKeyReceived += OnHostKey;
        using var cts = new StepTimeout(_time, _options.ConnectTimeout, ct);
        try
        {
            await client.ConnectAsync(cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (presented is not null && !HostKeyFingerprint.AreEqual(presented, pinned)
                                  && e is SshException or OperationCanceledException)
        {
            throw new HostKeyMismatchException($"{_options.Host}:{_options.Port}", pinned, presented);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new BoardConnectionLostException(
                $"{Endpoint}: no SSH session within {_options.ConnectTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", e)
            { TimedOut = true };
        }
        finally
        {
            client.HostKeyReceived -= OnHostKey;
        }
    }
}
