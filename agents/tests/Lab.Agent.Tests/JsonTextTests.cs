using System.Text.Json;

namespace Lab.Agent.Tests;

/// <summary>The probe's hand-written JSON, read back by System.Text.Json (what the host side of the lab reads it with).</summary>
public sealed class JsonTextTests
{
    [Test]
    public void Nested_objects_arrays_and_every_value_kind_read_back_as_written()
    {
        var w = new JsonText();
        w.WriteStartObject();
        w.WriteString("device", "12680000.dma-controller");
        w.WriteString("none", null);
        w.WriteNumber("api_version", 0);
        w.WriteNumber("size", ulong.MaxValue);
        w.WriteNumber("errno", -22L);
        w.WriteStartObject("extensions");
        w.WriteBoolean("Type1", true);
        w.WriteBoolean("NoIommu", false);
        w.WriteEndObject();
        w.WriteStartObject("empty");
        w.WriteEndObject();
        w.WriteStartArray("capabilities");
        w.WriteEndArray();
        w.WriteStartArray("regions");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteNumber("index", 1);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();

        using var doc = JsonDocument.Parse(w.ToString());
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("device").GetString(), Is.EqualTo("12680000.dma-controller"));
            Assert.That(root.GetProperty("none").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("size").GetUInt64(), Is.EqualTo(ulong.MaxValue));
            Assert.That(root.GetProperty("errno").GetInt32(), Is.EqualTo(-22));
            Assert.That(root.GetProperty("extensions").GetProperty("Type1").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("extensions").GetProperty("NoIommu").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("empty").EnumerateObject(), Is.Empty);
            Assert.That(root.GetProperty("capabilities").GetArrayLength(), Is.Zero);
            Assert.That(root.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(w.ToString(), Does.StartWith("{\n  \"device\": ").And.Contain("\n    {\n      \"index\": 0\n    },"), "indented two spaces a level");
        });
    }

    [TestCase("plain")]
    [TestCase("quote \" backslash \\ slash /")]
    [TestCase("line\nfeed\rreturn\ttab")]
    [TestCase("nul \0 bell \a escape \u001b del \u007f")]
    [TestCase("separators \u2028 \u2029")]
    [TestCase("umlaut ü, CJK 中, emoji \U0001F600")]
    public void Hostile_strings_from_a_board_come_back_unchanged(string text)
    {
        var w = new JsonText();
        w.WriteStartObject();
        w.WriteString(text, text);
        w.WriteEndObject();

        using var doc = JsonDocument.Parse(w.ToString());
        var property = doc.RootElement.EnumerateObject().Single();
        Assert.Multiple(() =>
        {
            Assert.That(property.Name, Is.EqualTo(text));
            Assert.That(property.Value.GetString(), Is.EqualTo(text));
            Assert.That(w.ToString().Split('\n'), Has.Length.EqualTo(3), "no raw line break inside a string");
        });
    }

    [Test]
    public void Unbalanced_writes_are_refused()
    {
        var w = new JsonText();
        Assert.Multiple(() =>
        {
            Assert.That(() => w.WriteEndObject(), Throws.InvalidOperationException);
            Assert.That(() => w.WriteNumber("x", 1), Throws.InvalidOperationException.With.Message.Contains("'x'"));
        });
    }
}
