namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// Short progress lines on stderr, <c>[board] message</c>; stdout stays for the summary. Text from boards is escaped
/// (<see cref="Text.Escape"/>): a newline or a terminal escape in it cannot fake a progress line.
/// </summary>
public sealed class RunProgress(TextWriter error)
{
    private readonly TextWriter _error = error;

    public void Board(string boardId, string message) => _error.WriteLine($"[{boardId}] {Text.Escape(message, 2000)}");

    public void Run(string message) => _error.WriteLine("lab: " + Text.Escape(message, 2000));
}
