namespace Lab.Orchestrator.Ssh;

/// <summary>SHA256 host key fingerprints in OpenSSH's notation (<c>SHA256:</c> + unpadded base64).</summary>
internal static class HostKeyFingerprint
{
    private const string Prefix = "SHA256:";

    /// <summary>Normalises to <c>SHA256:xxxx</c>: adds the prefix when missing, drops base64 padding and whitespace.</summary>
    public static string Normalize(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var body = fingerprint.Trim();
        if (body.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            body = body[Prefix.Length..];
        }

        return Prefix + body.TrimEnd('=');
    }

    /// <summary>True when both name the same key. Base64 is case-sensitive, so the comparison is ordinal.</summary>
    public static bool AreEqual(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);
}
