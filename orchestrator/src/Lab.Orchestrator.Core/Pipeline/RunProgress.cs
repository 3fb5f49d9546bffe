namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>Short progress lines on stderr, <c>[board] message</c>; stdout stays for the summary.</summary>
public sealed class RunProgress(TextWriter error)
{
    private readonly TextWriter _error = error;

    public void Board(string boardId, string message) => _error.WriteLine($"[{boardId}] {message}");

    public void Run(string message) => _error.WriteLine("lab: " + message);
}
