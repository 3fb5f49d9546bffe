using System.Text.Json;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Cli;

/// <summary>
/// The stable machine-readable shape of <c>lab results --json</c>. Field names here are a contract with
/// scripts: add fields, never rename or remove them.
/// </summary>
internal static class ResultsJson
{
    public static void WriteRuns(Utf8JsonWriter w, IEnumerable<RunRecord> runs)
    {
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteStartArray("runs");
        foreach (var run in runs)
        {
            WriteRun(w, run);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteRunDetail(Utf8JsonWriter w, RunRecord run, IEnumerable<BoardRunRecord> boards, IEnumerable<TestResultRecord> results)
    {
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WritePropertyName("run");
        WriteRun(w, run);
        w.WriteStartArray("boards");
        foreach (var b in boards)
        {
            w.WriteStartObject();
            w.WriteString("board", b.BoardId);
            w.WriteString("status", b.Status?.ToKcidb());
            w.WriteString("health", b.Health);
            w.WriteNumber("attempts", b.Attempts);
            w.WriteString("kernel", b.Kernel);
            w.WriteString("startedAt", b.StartedAt);
            WriteNullableTime(w, "endedAt", b.EndedAt);
            WriteCounts(w, b.Counts);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("results");
        foreach (var r in results)
        {
            w.WriteStartObject();
            w.WriteString("board", r.BoardId);
            w.WriteString("test", r.TestId);
            w.WriteString("status", r.Status.ToKcidb());
            w.WriteNumber("durationMs", Math.Round(r.Duration.TotalMilliseconds, 3));
            w.WriteString("recordedAt", r.RecordedAt);
            w.WriteString("reason", r.Reason);
            if (r.Errno is { } errno)
            {
                w.WriteNumber("errno", errno);
            }
            else
            {
                w.WriteNull("errno");
            }

            w.WriteString("errnoName", r.ErrnoName);
            w.WriteString("kernel", r.Kernel);
            w.WriteStartArray("measurements");
            foreach (var m in r.Measurements ?? [])
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteNumber("value", m.Value);
                w.WriteString("unit", m.Unit);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter w, RunRecord run)
    {
        w.WriteStartObject();
        w.WriteString("id", run.Id);
        w.WriteString("trigger", run.Trigger.ToString().ToLowerInvariant());
        w.WriteString("who", run.Who);
        w.WriteString("state", run.State.ToString().ToLowerInvariant());
        w.WriteString("status", run.Status?.ToKcidb());
        w.WriteString("startedAt", run.StartedAt);
        WriteNullableTime(w, "endedAt", run.EndedAt);
        WriteCounts(w, run.Counts);
        w.WriteStartArray("boards");
        foreach (var b in run.Boards)
        {
            w.WriteStringValue(b);
        }

        w.WriteEndArray();
        w.WriteStartObject("build");
        w.WriteString("labJsonSha256", run.Build.LabJsonHash);
        w.WriteString("kernelVersion", run.Build.KernelVersion);
        w.WriteString("kernelSource", run.Build.KernelSource);
        w.WriteString("patchQueueSha256", run.Build.PatchQueueHash);
        w.WriteString("moduleBuildSha256", run.Build.ModuleBuildHash);
        w.WriteString("agentBuildSha256", run.Build.AgentBuildHash);
        w.WriteEndObject();
        w.WriteString("note", run.Note);
        w.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter w, StatusCounts c)
    {
        w.WriteStartObject("counts");
        w.WriteNumber("fail", c.Fail);
        w.WriteNumber("error", c.Error);
        w.WriteNumber("miss", c.Miss);
        w.WriteNumber("pass", c.Pass);
        w.WriteNumber("done", c.Done);
        w.WriteNumber("skip", c.Skip);
        w.WriteNumber("total", c.Total);
        w.WriteEndObject();
    }

    private static void WriteNullableTime(Utf8JsonWriter w, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            w.WriteString(name, t);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
