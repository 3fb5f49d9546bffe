namespace Lab.Orchestrator.Kernel;

/// <summary>A kernel script (fetch, module build, image build) failed; the message carries the log tail.</summary>
internal sealed class KernelScriptException : Exception
{
    public KernelScriptException()
    {
    }

    public KernelScriptException(string message)
        : base(message)
    {
    }

    public KernelScriptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KernelScriptException(string script, ScriptResult result, string logTail)
        : base($"{script} failed with exit code {result?.ExitCode} (log: {result?.LogPath}):\n{logTail}")
    {
        Result = result;
        LogTail = logTail;
    }

    /// <summary>The failed run.</summary>
    public ScriptResult? Result { get; }

    /// <summary>The last lines of the run's log.</summary>
    public string LogTail { get; } = string.Empty;
}
