using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lab.Orchestrator.Core.Config;

/// <summary>
/// Checks a JSON document against the subset of JSON Schema that <see cref="LabJson.Schema"/> produces (type,
/// properties, required, additionalProperties, enum, items, $ref), reporting every problem with its path,
/// rather than stopping at the first as a deserializer does.
/// </summary>
internal static class SchemaChecker
{
    public static void Check(JsonElement value, JsonNode schema, JsonNode root, string path, List<ConfigError> errors)
    {
        if (schema is not JsonObject s)
        {
            return; // 'true' schema
        }

        if (s["$ref"] is JsonValue refValue && refValue.GetValue<string>() is { } reference)
        {
            Check(value, Resolve(root, reference), root, path, errors);
            return;
        }

        if (s["type"] is { } type && !TypeMatches(value, type))
        {
            errors.Add(new ConfigError(path, $"expected {Describe(type)}, found {Kind(value)}"));
            return;
        }

        if (s["enum"] is JsonArray allowed)
        {
            if (!allowed.Any(a => JsonNode.DeepEquals(a, JsonNode.Parse(value.GetRawText()))))
            {
                var names = string.Join(", ", allowed.Where(a => a is not null).Select(a => a!.ToJsonString()));
                errors.Add(new ConfigError(path, $"{value.GetRawText()} is not one of {names}"));
            }

            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(value, s, root, path, errors);
                break;
            case JsonValueKind.Array when s["items"] is { } items:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(item, items, root, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", errors);
                    i++;
                }

                break;
        }
    }

    private static void CheckObject(JsonElement value, JsonObject s, JsonNode root, string path, List<ConfigError> errors)
    {
        var properties = s["properties"] as JsonObject;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var childPath = PathOf(path, property.Name);
            if (!seen.Add(property.Name))
            {
                errors.Add(new ConfigError(childPath, "key appears twice"));
                continue;
            }

            if (properties?[property.Name] is { } propertySchema)
            {
                Check(property.Value, propertySchema, root, childPath, errors);
            }
            else if (s["additionalProperties"] is JsonObject additional)
            {
                Check(property.Value, additional, root, childPath, errors);
            }
            else if (properties is not null || s["additionalProperties"] is JsonValue)
            {
                var known = properties is null ? string.Empty :
                    " (known keys: " + string.Join(", ", properties.Select(p => p.Key)) + ")";
                errors.Add(new ConfigError(childPath, $"unknown key '{property.Name}'{known}"));
            }
        }

        if (s["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => !seen.Contains(n)))
            {
                errors.Add(new ConfigError(path, $"missing required key '{name}'"));
            }
        }
    }

    private static JsonNode Resolve(JsonNode root, string reference)
    {
        JsonNode? node = root;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[part];
        }

        return node ?? throw new InvalidOperationException($"schema reference {reference} does not resolve");
    }

    private static bool TypeMatches(JsonElement value, JsonNode type)
    {
        var kinds = type is JsonArray array ? array.Select(t => t!.GetValue<string>()) : [type.GetValue<string>()];
        return kinds.Any(k => k switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            _ => false,
        });
    }

    private static string Describe(JsonNode type) =>
        type is JsonArray array ? string.Join(" or ", array.Select(t => t!.GetValue<string>())) : type.GetValue<string>();

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {Cut(value.GetRawText())}",
        JsonValueKind.Number => $"the number {Cut(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        _ => "null",
    };

    private static string Cut(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");

    internal static string PathOf(string parent, string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && key.Length > 0 && !char.IsAsciiDigit(key[0])
            ? parent + "." + key
            : parent + "[" + JsonSerializer.Serialize(key) + "]";
}
