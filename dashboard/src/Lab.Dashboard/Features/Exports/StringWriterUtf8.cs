using System.Text;

namespace Lab.Dashboard.Features.Exports;

/// <summary>A StringWriter that declares UTF-8, so the XML declaration says what the HTTP response carries.</summary>
internal sealed class StringWriterUtf8 : StringWriter
{
    public StringWriterUtf8(StringBuilder sb)
        : base(sb, System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => Encoding.UTF8;
}
