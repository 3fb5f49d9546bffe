using System.Globalization;

namespace Lab.Dashboard.Rendering;

/// <summary>Times and durations as the pages show them (UTC, invariant).</summary>
internal static class Format
{
    public static string Time(DateTimeOffset? t) =>
        t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    public static string Duration(TimeSpan? d) => d switch
    {
        null => "-",
        { TotalHours: >= 1 } v => v.ToString(@"h\h\ mm\m\ ss\s", CultureInfo.InvariantCulture),
        { TotalMinutes: >= 1 } v => v.ToString(@"m\m\ ss\s", CultureInfo.InvariantCulture),
        { } v => v.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s",
    };

    public static string Number(double v) => v.ToString(Math.Abs(v) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
}
