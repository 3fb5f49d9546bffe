using System.Diagnostics;

namespace Lab.Results.Tests;

/// <summary>The store writer as a real second process, read line by line.</summary>
internal sealed class WriterProcess : IDisposable
{
    private readonly Process _process;

    public WriterProcess(string store, int count, int delayMs)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "Lab.Results.StoreWriter.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, store, count.ToString(System.Globalization.CultureInfo.InvariantCulture), delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start the store writer");
    }

    public int Pid => _process.Id;

    public async Task<string> ReadLineAsync(CancellationToken ct)
    {
        var line = await _process.StandardOutput.ReadLineAsync(ct);
        if (line is null)
        {
            var error = await _process.StandardError.ReadToEndAsync(ct);
            throw new InvalidOperationException("store writer ended early: " + error);
        }

        return line;
    }

    public void KillHard()
    {
        _process.Kill(); // SIGKILL on Linux: no finally blocks, no dispose, no flush
        _process.WaitForExit();
    }

    public Task WaitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
