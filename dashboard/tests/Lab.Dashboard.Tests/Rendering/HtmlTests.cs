using Lab.Dashboard.Rendering;

namespace Lab.Dashboard.Tests.Rendering;

public sealed class HtmlTests
{
    [Test]
    public void Holes_are_encoded_and_literals_are_not()
    {
        var evil = "<script>alert('x')</script>\"&";
        var html = Html.Of($"<td title=\"{evil}\">{evil}</td>");
        Assert.That(html.Value, Is.EqualTo("<td title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;</td>"));
    }

    [Test]
    public void Nested_html_and_sequences_of_html_are_kept_as_is()
    {
        var inner = Html.Of($"<b>{"<i>"}</b>");
        var many = new[] { inner, inner }.Select(x => x);
        Assert.That(Html.Of($"<p>{inner}{many}</p>").Value, Is.EqualTo("<p><b>&lt;i&gt;</b><b>&lt;i&gt;</b><b>&lt;i&gt;</b></p>"));
    }

    [Test]
    public void Numbers_format_invariantly()
    {
        Assert.That(Html.Of($"{1234.5:0.0}").Value, Is.EqualTo("1234.5"));
    }
}
