using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Ssh;
using Renci.SshNet.Common;

namespace Lab.Orchestrator.Boards;

/// <summary>
/// Boot wait for boards with their own OS: polls until an SSH session with the pinned host key is up. A host key
/// that is not the pinned one ends the wait at once (it is refused, never retried into acceptance).
/// </summary>
internal static class SshReadiness
{
    public static async Task<IBoardLink> WaitAsync(BoardSshOptions options, TimeProvider time, Func<string?> death, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(death);
        string? last = null;
        while (true)
        {
            if (death() is { } why)
            {
                throw new BoardPowerException($"{why} before SSH came up");
            }

            try
            {
                return await BoardSsh.ConnectAsync(options with { ConnectTimeout = TimeSpan.FromSeconds(10) }, time, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is BoardConnectionLostException or SshException or System.Net.Sockets.SocketException)
            {
                last = e.Message;
            }
            catch (OperationCanceledException e) when (ct.IsCancellationRequested)
            {
                throw new TimeoutException($"no SSH session with {options.User}@{options.Host}:{options.Port} (last: {last ?? "nothing answered"})", e);
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException e)
            {
                throw new TimeoutException($"no SSH session with {options.User}@{options.Host}:{options.Port} (last: {last ?? "nothing answered"})", e);
            }
        }
    }
}
