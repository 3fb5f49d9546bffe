using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lab.Orchestrator.Core.Config;

/// <summary>Reads and validates lab.json, reporting every problem at once.</summary>
public static class LabConfigLoader
{
    /// <summary>Loads <paramref name="path"/>; never throws for bad content, only reports.</summary>
    public static LabConfigResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LabConfigResult(full, null, string.Empty, [new ConfigError("$", $"cannot read {full}: {ex.Message}")]);
        }

        return Parse(text, full);
    }

    /// <summary>Validates lab.json text; <paramref name="path"/> locates relative paths and names the file.</summary>
    public static LabConfigResult Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var full = Path.GetFullPath(path);
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
        var errors = new List<ConfigError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            return new LabConfigResult(full, null, hash, [new ConfigError("$", $"not valid JSON{where}: {FirstSentence(ex.Message)}")]);
        }

        using (document)
        {
            var schema = JsonNode.Parse(LabJson.SchemaText())!;
            SchemaChecker.Check(document.RootElement, schema, schema, "$", errors);
            if (errors.Count > 0)
            {
                return new LabConfigResult(full, null, hash, errors);
            }

            LabConfig? lab;
            try
            {
                lab = document.RootElement.Deserialize<LabConfig>(LabJson.Options);
            }
            catch (JsonException ex)
            {
                // The schema check should have caught it; report rather than crash if it did not.
                return new LabConfigResult(full, null, hash, [new ConfigError(ex.Path ?? "$", FirstSentence(ex.Message))]);
            }

            if (lab is null)
            {
                return new LabConfigResult(full, null, hash, [new ConfigError("$", "expected an object, found null")]);
            }

            LabConfigChecks.Check(lab, Path.GetDirectoryName(full)!, errors);
            return new LabConfigResult(full, errors.Count == 0 ? lab : null, hash, errors);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
