using System.Globalization;
using System.Text.Json.Nodes;
using Lab.Orchestrator.Core.Results;

namespace Lab.Dashboard.Features.Exports;

/// <summary>
/// A run as KCIDB I/O schema v5 JSON: one checkout (what the kernel tree was), one build (the modules), and one test
/// per result. Ids are "origin:local-id" as KCIDB requires; the origin is <see cref="Origin"/>.
/// </summary>
internal static class KcidbExport
{
    public const string Origin = "vfiolab";

    public static JsonObject Build(RunRecord run, IReadOnlyList<TestResultRecord> results)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(results);
        var checkoutId = $"{Origin}:{run.Id}";
        var buildId = $"{Origin}:{run.Id}:modules";
        var tests = new JsonArray();
        foreach (var r in results)
        {
            var misc = new JsonObject { ["board"] = r.BoardId, ["run_id"] = run.Id, ["kernel"] = r.Kernel };
            if (r.Errno is { } errno)
            {
                misc["errno"] = errno;
            }

            if (r.ErrnoName is { } name)
            {
                misc["errno_name"] = name;
            }

            if (r.Measurements is { Count: > 0 } ms)
            {
                misc["measurements"] = new JsonArray(ms.Select(m => (JsonNode)new JsonObject
                {
                    ["name"] = m.Name,
                    ["value"] = m.Value,
                    ["unit"] = m.Unit,
                }).ToArray());
            }

            var test = new JsonObject
            {
                ["id"] = $"{Origin}:{run.Id}:{r.BoardId}:{r.TestId}",
                ["build_id"] = buildId,
                ["origin"] = Origin,
                ["path"] = r.TestId,
                ["environment"] = new JsonObject { ["comment"] = r.BoardId, ["misc"] = new JsonObject { ["board"] = r.BoardId, ["kernel"] = r.Kernel } },
                ["status"] = r.Status.ToKcidb(),
                ["start_time"] = Time(r.RecordedAt - r.Duration),
                ["duration"] = r.Duration.TotalSeconds,
                ["misc"] = misc,
            };
            if (r.Reason is { } reason)
            {
                test["comment"] = reason;
            }

            if (r.LogExcerpt is { Length: > 0 } log)
            {
                test["log_excerpt"] = log.Length > 16384 ? log[..16384] : log;
            }

            tests.Add(test);
        }

        var checkout = new JsonObject
        {
            ["id"] = checkoutId,
            ["origin"] = Origin,
            ["start_time"] = Time(run.StartedAt),
            ["valid"] = true,
            ["misc"] = new JsonObject
            {
                ["kernel_source"] = run.Build.KernelSource,
                ["patch_queue_hash"] = run.Build.PatchQueueHash,
                ["lab_json_hash"] = run.Build.LabJsonHash,
                ["trigger"] = run.Trigger.ToString().ToLowerInvariant(),
            },
        };
        var build = new JsonObject
        {
            ["id"] = buildId,
            ["checkout_id"] = checkoutId,
            ["origin"] = Origin,
            ["start_time"] = Time(run.StartedAt),
            ["comment"] = run.Build.KernelVersion,
            ["status"] = run.Build.ModuleBuildHash is null ? "MISS" : "PASS",
            ["misc"] = new JsonObject
            {
                ["kernel_version"] = run.Build.KernelVersion,
                ["kernel_releases"] = new JsonArray(run.Build.KernelReleases.Select(k => (JsonNode?)k).ToArray()),
                ["module_build_hash"] = run.Build.ModuleBuildHash,
                ["agent_build_hash"] = run.Build.AgentBuildHash,
            },
        };
        return new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray(checkout),
            ["builds"] = new JsonArray(build),
            ["tests"] = tests,
        };
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
