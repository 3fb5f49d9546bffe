using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Lab.Dashboard.Features.RunNow;

/// <summary>
/// Starts <c>./lab run --board ID --cases PATTERN --trigger dashboard</c> as a child process, argv as a list (no
/// shell), until the orchestration queue exists. Board and pattern are checked against strict patterns first so
/// neither can pass as an option.
/// </summary>
internal sealed partial class RunLauncher
{
    private readonly string _labRoot;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, RunJob> _jobs = new(StringComparer.Ordinal);

    public RunLauncher(string labRoot, TimeProvider time)
    {
        _labRoot = labRoot;
        _time = time;
    }

    /// <summary>Why the request is refused, or null when board and pattern are acceptable.</summary>
    public static string? Validate(string? boardId, string? cases)
    {
        if (string.IsNullOrEmpty(boardId) || !BoardPattern().IsMatch(boardId))
        {
            return "board: letters, digits, '.', '_' and '-' only, not starting with '-'";
        }

        if (string.IsNullOrEmpty(cases) || !CasePattern().IsMatch(cases))
        {
            return "cases: a dotted case id or glob (letters, digits, '.', '_', '-', '*', '?'), not starting with '-'";
        }

        return null;
    }

    public RunJob? Get(string id) => _jobs.GetValueOrDefault(id);

    public RunJob Start(string boardId, string cases)
    {
        var lab = Path.Combine(_labRoot, "lab");
        string[] argv = [lab, "run", "--board", boardId, "--cases", cases, "--trigger", "dashboard"];
        var job = new RunJob(Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant(), boardId, cases, argv, _time.GetUtcNow());
        _jobs[job.Id] = job;
        var psi = new ProcessStartInfo(lab)
        {
            WorkingDirectory = _labRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in argv.Skip(1))
        {
            psi.ArgumentList.Add(arg);
        }

        try
        {
            var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => Append(job, e.Data);
            process.ErrorDataReceived += (_, e) => Append(job, e.Data);
            process.Exited += (_, _) =>
            {
                process.WaitForExit(); // drains the redirected streams before the job reads as ended
                job.Exited(process.ExitCode);
                process.Dispose();
            };
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        catch (Win32Exception ex)
        {
            job.Failed($"cannot start {lab}: {ex.Message}");
        }

        return job;
    }

    private static void Append(RunJob job, string? line)
    {
        if (line is not null)
        {
            job.Append(line);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.][A-Za-z0-9_.\-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex BoardPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.*?][A-Za-z0-9_.*?\-]{0,199}$", RegexOptions.CultureInvariant)]
    private static partial Regex CasePattern();
}
