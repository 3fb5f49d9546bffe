using System.Runtime.InteropServices;

namespace Lab.Orchestrator.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM stop a long command cleanly: the first cancels <c>stop</c> and says what stopping
/// means; a second signal ends the process the default way. Without this the runtime ends the process at once.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly PosixSignalRegistration _int;
    private readonly PosixSignalRegistration _term;

    /// <summary>Cancels <paramref name="stop"/> at the first signal, printing "<paramref name="command"/>: SIGNAL: <paramref name="meaning"/>".</summary>
    public StopSignals(CancellationTokenSource stop, string command, string meaning)
    {
        void OnSignal(PosixSignalContext signal)
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            signal.Cancel = true;
            Console.Error.WriteLine($"{command}: {signal.Signal}: {meaning}");
            _ = stop.CancelAsync();
        }

        _int = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public void Dispose()
    {
        _int.Dispose();
        _term.Dispose();
    }
}
