using System.Net;

namespace Lab.Dashboard.Rendering;

/// <summary>
/// A piece of HTML that is safe to write as is. The only ways to make one are literals in our own code
/// (<see cref="Of"/>'s interpolated string: literal parts raw, every hole encoded unless it is itself
/// <see cref="Html"/>) and <see cref="Text"/>, so anything from the store (test ids, logs, errno text) is encoded.
/// </summary>
internal readonly record struct Html(string Value)
{
    /// <summary>No HTML.</summary>
    public static Html Empty { get; } = new(string.Empty);

    /// <summary>Builds HTML from an interpolated string whose holes are encoded.</summary>
    public static Html Of(ref HtmlHandler html) => html.Build();

    /// <summary>Encodes text.</summary>
    public static Html Text(string? text) => new(WebUtility.HtmlEncode(text ?? string.Empty));

    /// <summary>Joins two parts (each already HTML): no encoding, no handler.</summary>
    public static Html Concat(Html a, Html b) => new(string.Concat(a.Value, b.Value));

    /// <summary>Joins a few parts (each already HTML): no encoding, no handler.</summary>
    public static Html Concat(Html a, Html b, Html c, Html d) => new(string.Concat(a.Value, b.Value, c.Value, d.Value));

    /// <summary>Joins parts.</summary>
    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    /// <summary>The HTML text.</summary>
    public override string ToString() => Value;
}
