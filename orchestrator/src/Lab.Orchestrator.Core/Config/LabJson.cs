using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Lab.Orchestrator.Core.Config;

/// <summary>
/// How lab.json is (de)serialized, and its JSON Schema, generated from the model so the two cannot drift
/// (a test checks that the committed lab.schema.json equals <see cref="Schema"/>).
/// </summary>
public static class LabJson
{
    /// <summary>Serializer options: camelCase, unknown keys refused, nullability respected.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly Lazy<string> CachedSchemaText = new(() => Schema().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");

    /// <summary>The JSON Schema of lab.json, with the model's descriptions.</summary>
    public static JsonNode Schema()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                var description = context.PropertyInfo?.AttributeProvider?
                    .GetCustomAttributes(typeof(DescriptionAttribute), inherit: false)
                    .OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
                if (description is not null && node is JsonObject obj)
                {
                    obj.Insert(0, "description", description);
                }

                return node;
            },
        };
        var schema = (JsonObject)Options.GetJsonSchemaAsNode(typeof(LabConfig), exporter);
        schema.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.Insert(1, "title", "VfioLab lab inventory (lab.json)");
        return schema;
    }

    /// <summary>The schema as the text committed in lab.schema.json.</summary>
    public static string SchemaText() => CachedSchemaText.Value;

    internal static string? Describe(PropertyInfo property) =>
        property.GetCustomAttribute<DescriptionAttribute>()?.Description;
}
