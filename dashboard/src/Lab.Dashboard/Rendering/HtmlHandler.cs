using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace Lab.Dashboard.Rendering;

/// <summary>Interpolated string handler for <see cref="Html.Of"/>: literals raw, holes HTML-encoded.</summary>
[InterpolatedStringHandler]
internal readonly struct HtmlHandler
{
    private readonly StringBuilder _sb;

    public HtmlHandler(int literalLength, int formattedCount) => _sb = new StringBuilder(literalLength + (formattedCount * 16));

    public void AppendLiteral(string literal) => _sb.Append(literal);

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        switch (value)
        {
            case null:
                break;
            case Html html:
                _sb.Append(html.Value);
                break;
            case IEnumerable<Html> many:
                foreach (var part in many)
                {
                    _sb.Append(part.Value);
                }

                break;
            case IFormattable formattable:
                _sb.Append(WebUtility.HtmlEncode(formattable.ToString(format, CultureInfo.InvariantCulture)));
                break;
            default:
                _sb.Append(WebUtility.HtmlEncode(value.ToString()));
                break;
        }
    }

    public Html Build() => new(_sb.ToString());
}
