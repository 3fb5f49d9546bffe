namespace Lab.Orchestrator.Kernel;

/// <summary>Reads the <c>KEY=VALUE</c> files our kernel scripts write (kernel.env, image.env); no shell expansion.</summary>
internal static class EnvFile
{
    /// <summary>Parses a file; comments and blank lines are skipped.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string path, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in await File.ReadAllLinesAsync(path, ct).ConfigureAwait(false))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[line[..eq]] = line[(eq + 1)..];
            }
        }

        return values;
    }

    /// <summary>A required value; the exception names the file and the key.</summary>
    public static string Require(IReadOnlyDictionary<string, string> values, string key, string path)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(key, out var v) && v.Length > 0 ? v : throw new InvalidDataException($"{path} has no {key}");
    }
}
