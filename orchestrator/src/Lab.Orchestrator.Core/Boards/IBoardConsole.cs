namespace Lab.Orchestrator.Core.Boards;

/// <summary>
/// The board's serial console, captured to a file for the whole board run (kept with the run in the store).
/// </summary>
public interface IBoardConsole
{
    /// <summary>The capture file on the lab host.</summary>
    string LogPath { get; }

    /// <summary>Bytes captured so far (0: the console has been silent).</summary>
    long Length { get; }

    /// <summary>The last <paramref name="lines"/> lines captured.</summary>
    string Tail(int lines);
}
