using System.Text.Json.Serialization;
using Lab.Orchestrator.Core.Bisect;
using Lab.Orchestrator.Core.Jobs;

namespace Lab.Results;

/// <summary>
/// How jobs, board health and bisections are written into their documents: camelCase, enums by name, source-generated (the
/// scheduler reads every queued job each second; reflection-based JSON was most of its CPU).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(BoardHealth))]
[JsonSerializable(typeof(BisectionRecord))]
internal sealed partial class JobJson : JsonSerializerContext;
