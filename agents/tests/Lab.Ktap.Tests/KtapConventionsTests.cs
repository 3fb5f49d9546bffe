namespace Lab.Ktap.Tests;

public sealed class KtapConventionsTests
{
    [TestCase("lab.measure: irq.rate=1e3 IRQ/s", "irq.rate", 1000.0, "IRQ/s")]
    [TestCase("lab.measure: ops=42", "ops", 42.0, "")]
    public void MeasurementsParse(string text, string name, double value, string unit) =>
        Assert.That(KtapConventions.ParseMeasurement(text), Is.EqualTo(new KtapMeasurement(name, value, unit)));

    [TestCase("lab.measure: =1 x")]
    [TestCase("lab.measure: a=notanumber")]
    [TestCase("something else")]
    public void NonMeasurementsAreNull(string text) => Assert.That(KtapConventions.ParseMeasurement(text), Is.Null);

    [Test]
    public void SanitizeEscapesControlCharactersAndCutsLongLines()
    {
        Assert.That(KtapConventions.Sanitize("a\tb\u001b[31m"), Is.EqualTo("a\\x09b\\x1b[31m"));
        Assert.That(KtapConventions.Sanitize(new string('x', 10_000)), Has.Length.LessThan(KtapConventions.MaxLineLength + 20));
    }
}
