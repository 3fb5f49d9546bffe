using System.Diagnostics;

namespace Lab.Orchestrator.Kernel;

/// <summary>
/// Runs one of the kernel/ shell recipes with bash, logging stdout and stderr to a file, with a timeout; the
/// process tree is killed on timeout or cancellation.
/// </summary>
internal sealed class ScriptRunner(TimeProvider time)
{
    private readonly TimeProvider _time = time;

    /// <summary>Runs <paramref name="script"/> (a path) with arguments; throws <see cref="KernelScriptException"/> with the log tail on a non-zero exit.</summary>
    public async Task<ScriptResult> RunAsync(string script, IReadOnlyList<string> arguments, string logPath, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!File.Exists("/bin/bash"))
        {
            throw new FileNotFoundException("bash is missing: run scripts/setup-host.sh", "/bin/bash");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var psi = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        var start = _time.GetTimestamp();
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        await using (log.ConfigureAwait(false))
        {
            var gate = new object();
            var last = string.Empty;
            using var process = new Process { StartInfo = psi };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (gate)
                {
                    log.WriteLine(e.Data);
                    if (e.Data.Length > 0)
                    {
                        last = e.Data;
                    }
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (gate)
                {
                    log.WriteLine(e.Data);
                }
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var cts = new Core.Pipeline.StepTimeout(_time, timeout, ct);
            try
            {
                await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                if (ct.IsCancellationRequested)
                {
                    throw;
                }

                var timedOut = new ScriptResult(-1, string.Empty, logPath, _time.GetElapsedTime(start));
                throw new KernelScriptException(Path.GetFileName(script) + " timed out", timedOut, Lab.Orchestrator.Core.Text.TailOfFile(logPath, 30, "(no log)"));
            }

            string lastLine;
            lock (gate)
            {
                lastLine = last;
            }

            var result = new ScriptResult(process.ExitCode, lastLine, logPath, _time.GetElapsedTime(start));
            if (result.ExitCode != 0)
            {
                log.Flush();
                throw new KernelScriptException(Path.GetFileName(script), result, Lab.Orchestrator.Core.Text.TailOfFile(logPath, 30, "(no log)"));
            }

            return result;
        }
    }
}
