using System.Net;

namespace Lab.Dashboard.Hosting;

/// <summary>Refuses addresses other than loopback unless remote access was asked for explicitly.</summary>
internal static class LoopbackGuard
{
    /// <summary>The URLs, split; throws <see cref="ArgumentException"/> naming the first non-loopback one.</summary>
    public static IReadOnlyList<string> Check(string urls, bool allowRemote)
    {
        var list = (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            throw new ArgumentException("dashboard: no URL to listen on", nameof(urls));
        }

        foreach (var url in list)
        {
            if (!allowRemote && !IsLoopback(url))
            {
                throw new ArgumentException(
                    $"dashboard: refusing to listen on {url}: not a loopback address. The dashboard has no accounts; " +
                    "bind 127.0.0.1 or [::1] and use an SSH tunnel, or set AllowRemote (--allow-remote) on purpose.",
                    nameof(urls));
            }
        }

        return list;
    }

    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false; // "http://*:80", "http://+:80" and anything unparsable are not loopback
        }

        return string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) ||
            (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
