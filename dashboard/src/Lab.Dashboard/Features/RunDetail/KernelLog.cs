using System.Text.RegularExpressions;

namespace Lab.Dashboard.Features.RunDetail;

/// <summary>
/// Finds the kernel's trouble lines (oops, BUG, WARNING, panic) in a console log or a case's dmesg, and which case
/// was running when each appeared.
/// </summary>
internal static partial class KernelLog
{
    /// <summary>True for a line the kernel prints when something went wrong.</summary>
    public static bool IsTrouble(string line) => Trouble().IsMatch(line);

    /// <summary>
    /// Splits a console log into lines, each with the case that was running: the console names a case when the
    /// agent starts or reports it (its dotted id appears on the line), and it runs until another case is named.
    /// </summary>
    public static IReadOnlyList<LogLine> Annotate(string log, IEnumerable<string> caseIds)
    {
        ArgumentNullException.ThrowIfNull(log);
        var ids = caseIds.Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderByDescending(id => id.Length).ToList();
        var lines = log.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new List<LogLine>(lines.Length);
        string? current = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var named = ids.FirstOrDefault(id => line.Contains(id, StringComparison.Ordinal));
            if (named is not null)
            {
                current = named;
            }

            result.Add(new LogLine(i + 1, line, IsTrouble(line), current));
        }

        return result;
    }

    // Oops/BUG/WARNING/panic as the kernel prints them (kernel/panic.c, lib/bug.c, arch fault handlers).
    [GeneratedRegex(@"\b(Oops\b|BUG:|kernel BUG|WARNING:|Kernel panic|panic\b|Unable to handle kernel|general protection fault|Call trace:|Internal error:)", RegexOptions.CultureInvariant)]
    private static partial Regex Trouble();
}
