using System.Text.RegularExpressions;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// The kernel messages the lab watches for on the console and in each case's dmesg lines, as data: at least what
/// LAVA's kernel-message test watches for (cut here / end trace, Oops, BUG, KASAN, KCSAN, KFENCE, WARNING,
/// Unhandled fault, Kernel panic - not syncing), plus arm64's "Internal error:". Any of them during a case fails
/// the case (the kernel under test misbehaved); a panic also ends the board's life until a reset.
/// </summary>
public static partial class KernelProblems
{
    private static readonly (Regex Pattern, KernelProblem Problem)[] _table =
    [
        (Panic(), new KernelProblem("panic", Fatal: true)),
        (Oops(), new KernelProblem("oops", Fatal: false)),
        (InternalError(), new KernelProblem("oops", Fatal: false)),
        (Bug(), new KernelProblem("BUG", Fatal: false)),
        (Sanitizer(), new KernelProblem("sanitizer report", Fatal: false)),
        (Warning(), new KernelProblem("WARNING", Fatal: false)),
        (UnhandledFault(), new KernelProblem("unhandled fault", Fatal: false)),
        (CutHere(), new KernelProblem("warning or oops trace", Fatal: false)),
        (EndTrace(), new KernelProblem("warning or oops trace", Fatal: false)),
    ];

    /// <summary>The problem a kernel log line reports, or null for an ordinary line.</summary>
    public static KernelProblem? Find(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var (pattern, problem) in _table)
        {
            if (pattern.IsMatch(line))
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The first line of <paramref name="lines"/> that reports a problem, with the problem; null when none does.</summary>
    public static (KernelProblem Problem, string Line)? First(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            if (Find(line) is { } p)
            {
                return (p, line.Trim());
            }
        }

        return null;
    }

    // A printk line may carry a timestamp "[   12.345678] " and a CPU/PID prefix; the patterns look anywhere in it.
    [GeneratedRegex(@"Kernel panic - not syncing")]
    private static partial Regex Panic();

    [GeneratedRegex(@"\bOops\b")]
    private static partial Regex Oops();

    [GeneratedRegex(@"\bInternal error: ")]
    private static partial Regex InternalError();

    [GeneratedRegex(@"\bBUG: ")]
    private static partial Regex Bug();

    [GeneratedRegex(@"\b(KASAN|KCSAN|KFENCE|UBSAN|KMSAN): ")]
    private static partial Regex Sanitizer();

    [GeneratedRegex(@"\bWARNING: (CPU: \d+ PID: \d+|at |possible |suspicious |inconsistent |bad unlock|lock held|\S+:\d+)")]
    private static partial Regex Warning();

    [GeneratedRegex(@"\bUnhandled fault\b")]
    private static partial Regex UnhandledFault();

    [GeneratedRegex(@"-+\[ cut here \]-+")]
    private static partial Regex CutHere();

    [GeneratedRegex(@"-+\[ end trace [0-9a-f]+ \]-+")]
    private static partial Regex EndTrace();
}
