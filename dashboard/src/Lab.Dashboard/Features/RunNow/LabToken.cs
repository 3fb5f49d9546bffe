using System.Security.Cryptography;
using System.Text;

namespace Lab.Dashboard.Features.RunNow;

/// <summary>
/// The "Run now" token: a secret in the lab's config directory. Read on each use (so adding or removing the file
/// takes effect without a restart), compared in constant time, never written to a page, a log or the store.
/// </summary>
internal sealed class LabToken
{
    public LabToken(string? file) => File = file;

    /// <summary>Where the token is read from; null when the dashboard was started without one.</summary>
    public string? File { get; }

    /// <summary>True when a non-empty token is configured.</summary>
    public bool Configured => Read() is not null;

    /// <summary>True when <paramref name="candidate"/> is the configured token.</summary>
    public bool Matches(string? candidate)
    {
        var token = Read();
        if (token is null || string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(token)), SHA256.HashData(Encoding.UTF8.GetBytes(candidate.Trim())));
    }

    private string? Read()
    {
        if (File is null || !System.IO.File.Exists(File))
        {
            return null;
        }

        var text = System.IO.File.ReadAllText(File).Trim();
        return text.Length == 0 ? null : text;
    }
}
