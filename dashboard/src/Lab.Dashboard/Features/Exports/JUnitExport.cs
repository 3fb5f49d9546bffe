using System.Globalization;
using System.Text;
using System.Xml;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Exports;

/// <summary>
/// A run as JUnit XML: one testsuite per board (a board run on another kernel is its own board), its kernel release
/// as the suite's <c>kernel</c> property. FAIL is a failure, ERROR and MISS are errors (the harness or
/// the lab broke, not the code), SKIP is skipped; DONE and PASS pass. XmlWriter escapes all text.
/// </summary>
internal static class JUnitExport
{
    public static string Write(RunRecord run, IReadOnlyList<TestResultRecord> results)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var w = XmlWriter.Create(new StringWriterUtf8(sb), settings))
        {
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "vfiolab " + run.Id);
            w.WriteAttributeString("tests", Num(results.Count));
            w.WriteAttributeString("failures", Num(results.Count(r => r.Status == TestStatus.Fail)));
            w.WriteAttributeString("errors", Num(results.Count(r => r.Status is TestStatus.Error or TestStatus.Miss)));
            w.WriteAttributeString("skipped", Num(results.Count(r => r.Status == TestStatus.Skip)));
            w.WriteAttributeString("time", Secs(run.Duration ?? TimeSpan.Zero));
            foreach (var board in results.GroupBy(r => r.BoardId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var list = board.ToList();
                w.WriteStartElement("testsuite");
                w.WriteAttributeString("name", board.Key);
                w.WriteAttributeString("tests", Num(list.Count));
                w.WriteAttributeString("failures", Num(list.Count(r => r.Status == TestStatus.Fail)));
                w.WriteAttributeString("errors", Num(list.Count(r => r.Status is TestStatus.Error or TestStatus.Miss)));
                w.WriteAttributeString("skipped", Num(list.Count(r => r.Status == TestStatus.Skip)));
                w.WriteAttributeString("time", Secs(TimeSpan.FromTicks(list.Sum(r => r.Duration.Ticks))));
                w.WriteAttributeString("timestamp", run.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
                if (list.Select(r => r.Kernel).FirstOrDefault(k => k is not null) is { } kernel)
                {
                    w.WriteStartElement("properties");
                    w.WriteStartElement("property");
                    w.WriteAttributeString("name", "kernel");
                    w.WriteAttributeString("value", Clean(kernel));
                    w.WriteEndElement();
                    w.WriteEndElement();
                }

                foreach (var r in list)
                {
                    w.WriteStartElement("testcase");
                    w.WriteAttributeString("classname", board.Key);
                    w.WriteAttributeString("name", r.TestId);
                    w.WriteAttributeString("time", Secs(r.Duration));
                    var message = r.ErrnoName is null ? r.Reason ?? r.Status.ToKcidb() : $"{r.Reason} [{r.ErrnoName}]";
                    switch (r.Status)
                    {
                        case TestStatus.Fail:
                            Element(w, "failure", message, r.LogExcerpt);
                            break;
                        case TestStatus.Error:
                        case TestStatus.Miss:
                            Element(w, "error", $"{r.Status.ToKcidb()}: {message}", r.LogExcerpt);
                            break;
                        case TestStatus.Skip:
                            w.WriteStartElement("skipped");
                            w.WriteAttributeString("message", r.Reason ?? "skipped");
                            w.WriteEndElement();
                            break;
                        default:
                            break;
                    }

                    if (r.LogExcerpt is { Length: > 0 } log && r.Status is TestStatus.Pass or TestStatus.Done)
                    {
                        w.WriteElementString("system-out", Clean(log));
                    }

                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        return sb.ToString();
    }

    private static void Element(XmlWriter w, string name, string message, string? log)
    {
        w.WriteStartElement(name);
        w.WriteAttributeString("message", Clean(message));
        if (log is { Length: > 0 })
        {
            w.WriteString(Clean(log));
        }

        w.WriteEndElement();
    }

    // XML 1.0 cannot carry most control characters, which a serial console can contain.
    private static string Clean(string s) =>
        string.Create(s.Length, s, (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                var c = src[i];
                span[i] = c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') ? c : '?';
            }
        });

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Secs(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
