using System.Security.Cryptography;
using System.Text;
using Lab.Orchestrator.Kernel;

namespace Lab.Orchestrator.Run;

/// <summary>The SHA-256 values a run records in its <see cref="Core.Results.BuildInfo"/>.</summary>
internal static class BuildHashes
{
    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static async Task<string> FileAsync(string path, CancellationToken ct)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));
        }
    }

    /// <summary>SHA-256 over the series file and every patch it names, in series order; null without a queue.</summary>
    public static async Task<string?> PatchQueueAsync(string? directory, CancellationToken ct)
    {
        if (directory is null || !Directory.Exists(directory))
        {
            return null;
        }

        var series = Path.Combine(directory, "series");
        if (!File.Exists(series))
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = await File.ReadAllBytesAsync(series, ct).ConfigureAwait(false);
        hash.AppendData(text);
        foreach (var line in Encoding.UTF8.GetString(text).Split('\n'))
        {
            var name = line.Split('#', 2)[0].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            // Only the first word names the patch (quilt allows options after it).
            var patch = Path.Combine(directory, name.Split(' ', 2)[0]);
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + name + "\n"));
            if (File.Exists(patch))
            {
                hash.AppendData(await File.ReadAllBytesAsync(patch, ct).ConfigureAwait(false));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 over "name sha256" of every built module, sorted by name.</summary>
    public static string Modules(IEnumerable<BuiltModule> modules)
    {
        var lines = modules.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => $"{m.Name} {m.Sha256}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines))));
    }
}
