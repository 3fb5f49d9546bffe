using Lab.Orchestrator.Core;
using Lab.Orchestrator.Core.Boards;

namespace Lab.Orchestrator.Boards;

/// <summary>A console that something else writes to a file (QEMU's <c>-serial file:</c>, a capture pump).</summary>
internal sealed class FileConsole(string path) : IBoardConsole
{
    /// <inheritdoc />
    public string LogPath { get; } = path;

    /// <inheritdoc />
    public long Length
    {
        get
        {
            var info = new FileInfo(LogPath);
            return info.Exists ? info.Length : 0;
        }
    }

    /// <inheritdoc />
    public string Tail(int lines) => Text.TailOfFile(LogPath, lines);
}
