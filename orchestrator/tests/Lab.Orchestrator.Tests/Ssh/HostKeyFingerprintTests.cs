using Lab.Orchestrator.Ssh;

namespace Lab.Orchestrator.Tests.Ssh;

public sealed class HostKeyFingerprintTests
{
    [TestCase("SHA256:abcDEF123", "abcDEF123")]
    [TestCase("SHA256:abcDEF123=", "abcDEF123")]
    [TestCase(" sha256:abcDEF123 ", "abcDEF123")]
    public void The_prefix_and_padding_do_not_matter(string a, string b)
    {
        Assert.That(HostKeyFingerprint.AreEqual(a, b), Is.True);
    }

    [Test]
    public void Base64_is_case_sensitive()
    {
        Assert.That(HostKeyFingerprint.AreEqual("SHA256:abc", "SHA256:ABC"), Is.False);
    }

    [Test]
    public void Mismatch_message_names_both_fingerprints()
    {
        var e = new HostKeyMismatchException("127.0.0.1:2222", "SHA256:expected", "SHA256:actual");

        Assert.That(e.Message, Does.Contain("SHA256:expected").And.Contain("SHA256:actual").And.Contain("127.0.0.1:2222"));
    }
}
