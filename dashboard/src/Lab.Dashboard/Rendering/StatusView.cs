using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Rendering;

/// <summary>How a KCIDB status looks: a CSS class per status and a badge.</summary>
internal static class StatusView
{
    /// <summary>The CSS class, <c>st-none</c> for no status.</summary>
    public static string CssClass(TestStatus? status) =>
        status is { } s ? "st-" + s.ToKcidb().ToLowerInvariant() : "st-none";

    /// <summary>The KCIDB name, or a dash.</summary>
    public static string Name(TestStatus? status) => status is { } s ? s.ToKcidb() : "-";

    /// <summary>A coloured badge.</summary>
    public static Html Badge(TestStatus? status) =>
        Html.Of($"<span class=\"status {CssClass(status)}\" data-status=\"{Name(status)}\">{Name(status)}</span>");

    /// <summary>Counts as text, worst first, zeros left out.</summary>
    public static string Counts(StatusCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var parts = new List<string>();
        void Add(int n, string name)
        {
            if (n > 0)
            {
                parts.Add($"{n} {name}");
            }
        }

        Add(c.Fail, "fail");
        Add(c.Error, "error");
        Add(c.Miss, "miss");
        Add(c.Pass, "pass");
        Add(c.Done, "done");
        Add(c.Skip, "skip");
        return parts.Count == 0 ? "no results" : string.Join(", ", parts);
    }
}
