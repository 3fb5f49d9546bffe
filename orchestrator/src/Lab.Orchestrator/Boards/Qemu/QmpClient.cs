using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Lab.Orchestrator.Boards.Qemu;

/// <summary>
/// A minimal QEMU Machine Protocol client over the board's unix socket: greeting, <c>qmp_capabilities</c>,
/// then one command per call. Asynchronous events in between are skipped.
/// </summary>
internal sealed class QmpClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private QmpClient(Socket socket)
    {
        _socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(stream, Encoding.UTF8);
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    /// <summary>Connects and leaves capabilities negotiation mode.</summary>
    public static async Task<QmpClient> ConnectAsync(string socketPath, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
            var client = new QmpClient(socket);
            _ = await client._reader.ReadLineAsync(ct).ConfigureAwait(false); // {"QMP": {...}}
            await client.ExecuteAsync("qmp_capabilities", ct).ConfigureAwait(false);
            return client;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Runs a command without arguments and returns the raw <c>return</c> JSON; a QMP error throws.</summary>
    public async Task<string> ExecuteAsync(string command, CancellationToken ct)
    {
        await _writer.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["execute"] = command }).AsMemory(), ct)
            .ConfigureAwait(false);
        while (await _reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("return", out var ret))
            {
                return ret.GetRawText();
            }

            if (doc.RootElement.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"QMP {command} failed: {error.GetRawText()}");
            }
        }

        // `quit` closes the socket before or instead of answering.
        return "{}";
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _writer.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
