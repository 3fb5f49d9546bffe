using Lab.Dashboard.Data;
using Lab.Dashboard.Features.RunDetail;
using Lab.Dashboard.Features.Runs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Apis;

/// <summary>/api/runs: the runs list, one run, its logs and cases.</summary>
internal static class RunsApi
{
    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs").WithTags("Runs");
        runs.MapGet("/", List);
        runs.MapGet("/{runId}", Get);
        runs.MapGet("/{runId}/build-log", BuildLog);
        runs.MapGet("/{runId}/boards/{boardId}/console", Console);
        runs.MapGet("/{runId}/boards/{boardId}/dmesg", Dmesg);
        runs.MapGet("/{runId}/boards/{boardId}/case", Case);
        return api;
    }

    private static Results<Ok<IReadOnlyList<RunSummary>>, BadRequest<string>> List([AsParameters] RunsFilter filter, ResultsReader reader)
    {
        var query = filter.ToQuery(out var error);
        return query is null
            ? TypedResults.BadRequest(error)
            : TypedResults.Ok<IReadOnlyList<RunSummary>>(reader.Runs(query).Select(RunSummary.Of).ToList());
    }

    private static Results<Ok<RunDetailView>, NotFound<string>> Get(string runId, RunDetailService runs) =>
        runs.Get(runId) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound($"no run '{runId}'");

    private static Results<ContentHttpResult, NotFound<string>> BuildLog(string runId, RunDetailService runs) =>
        runs.BuildLog(runId) is { } log
            ? TypedResults.Text(log, "text/plain; charset=utf-8")
            : TypedResults.NotFound($"run '{runId}' has no build log");

    private static Results<Ok<IReadOnlyList<LogLine>>, NotFound<string>> Console(string runId, string boardId, RunDetailService runs) =>
        runs.Console(runId, boardId) is { } lines
            ? TypedResults.Ok(lines)
            : TypedResults.NotFound($"no console log for board '{boardId}' in run '{runId}'");

    private static Results<Ok<IReadOnlyList<LogLine>>, NotFound<string>> Dmesg(string runId, string boardId, RunDetailService runs) =>
        runs.Dmesg(runId, boardId) is { } lines
            ? TypedResults.Ok(lines)
            : TypedResults.NotFound($"no kernel log for board '{boardId}' in run '{runId}'");

    private static Results<Ok<CaseLog>, NotFound<string>> Case(string runId, string boardId, string test, RunDetailService runs) =>
        runs.Case(runId, boardId, test) is { } c
            ? TypedResults.Ok(new CaseLog(c.Case, c.Log))
            : TypedResults.NotFound($"no case '{test}' on board '{boardId}' in run '{runId}'");
}
