using System.Text.Json;
using Lab.Dashboard.Data;
using Lab.Dashboard.Features.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lab.Dashboard.Apis;

/// <summary>Per-run exports: JUnit XML and KCIDB v5 JSON.</summary>
internal static class ExportsApi
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static RouteGroupBuilder MapExportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/runs/{runId}/junit.xml", JUnit).WithTags("Exports");
        api.MapGet("/runs/{runId}/kcidb.json", Kcidb).WithTags("Exports");
        return api;
    }

    private static Results<ContentHttpResult, NotFound<string>> JUnit(string runId, ResultsReader reader) =>
        reader.Run(runId) is { } run
            ? TypedResults.Text(JUnitExport.Write(run, reader.Results(run)), "application/xml; charset=utf-8")
            : TypedResults.NotFound($"no run '{runId}'");

    private static Results<ContentHttpResult, NotFound<string>> Kcidb(string runId, ResultsReader reader) =>
        reader.Run(runId) is { } run
            ? TypedResults.Text(KcidbExport.Build(run, reader.Results(run)).ToJsonString(s_indented), "application/json; charset=utf-8")
            : TypedResults.NotFound($"no run '{runId}'");
}
