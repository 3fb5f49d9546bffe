using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lab.Orchestrator.Core.Boards;

namespace Lab.Orchestrator.Boards;

/// <summary>
/// A power command of lab.json run on the lab host: an argv list (no shell), bounded by a timeout, its output
/// appended to the board's power log. A non-zero exit or a timeout is a <see cref="BoardPowerException"/>
/// naming the command, the status and the last output lines.
/// </summary>
internal static class HostCommand
{
    public static async Task RunAsync(string what, IReadOnlyList<string> argv, string logPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(argv);
        if (argv.Count == 0)
        {
            throw new BoardPowerException($"{what}: no command configured");
        }

        // setsid: its own process group, so a Ctrl-C in the terminal reaches only the orchestrator.
        var psi = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in argv)
        {
            psi.ArgumentList.Add(a);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is { } line)
            {
                lock (output)
                {
                    output.Append(line).Append('\n');
                }
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        var start = Stopwatch.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BoardPowerException($"{what}: cannot run {argv[0]}: {e.Message}", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string? failure = null;
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                failure = $"exit status {process.ExitCode.ToString(CultureInfo.InvariantCulture)}";
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            failure = "no end within its time; killed";
        }
        finally
        {
            var text = Snapshot(output);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            await File.AppendAllTextAsync(logPath, $"$ {string.Join(' ', argv)}  # {what}, {seconds} s, {failure ?? "ok"}\n{text}", CancellationToken.None)
                .ConfigureAwait(false);
        }

        if (failure is not null)
        {
            var tail = string.Join(" | ", Snapshot(output).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
            throw new BoardPowerException($"{what} ({string.Join(' ', argv)}) failed: {failure}{(tail.Length > 0 ? ": " + tail : string.Empty)}");
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
