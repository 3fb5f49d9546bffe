using System.Text.Json;
using System.Text.Json.Serialization;
using Lab.Dashboard.Apis;
using Lab.Dashboard.Data;
using Lab.Dashboard.Features.Bisect;
using Lab.Dashboard.Features.Boards;
using Lab.Dashboard.Features.Compare;
using Lab.Dashboard.Features.Matrix;
using Lab.Dashboard.Features.Queue;
using Lab.Dashboard.Features.Regressions;
using Lab.Dashboard.Features.RunDetail;
using Lab.Dashboard.Features.RunNow;
using Lab.Dashboard.Features.Runs;
using Lab.Dashboard.Features.Trends;
using Lab.Dashboard.Hosting;
using Lab.Orchestrator.Core.Bisect;
using Lab.Orchestrator.Core.Jobs;
using Lab.Orchestrator.Core.Results;
using Lab.Results;

namespace Lab.Dashboard;

/// <summary>The dashboard's entry point, for its own Program.cs and for <c>lab dashboard</c>.</summary>
public static class DashboardHost
{
    /// <summary>
    /// Builds the dashboard (not started): checks the URLs are loopback unless <see cref="DashboardOptions.AllowRemote"/>
    /// (throws <see cref="ArgumentException"/> naming the address otherwise), opens the store, maps pages and
    /// <c>/api</c>. Start it with <c>RunAsync</c> or <c>StartAsync</c>; <c>app.Urls</c> has the bound addresses.
    /// </summary>
    public static WebApplication Build(DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var urls = LoopbackGuard.Check(options.Urls, options.AllowRemote);
        if (options.Store is null && string.IsNullOrEmpty(options.StorePath))
        {
            throw new ArgumentException("dashboard: no results store: set StorePath (or Store)", nameof(options));
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls([.. urls]);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);

        var time = options.TimeProvider ?? TimeProvider.System;
        var s = builder.Services;
        s.AddSingleton(time);
        if (options.Store is { } store)
        {
            s.AddSingleton(_ => store); // the caller owns it: registered by factory of an existing instance, not disposed twice
        }
        else
        {
            s.AddSingleton<IResultStore>(_ => new LiteDbResultStore(options.StorePath, time));
        }

        s.AddSingleton<ResultsReader>();
        s.AddSingleton<RunDetailService>();
        s.AddSingleton<MatrixService>();
        s.AddSingleton<RegressionService>();
        s.AddSingleton<TrendsService>();
        s.AddSingleton<CompareService>();
        s.AddSingleton<BoardsService>();
        s.AddSingleton(new LabToken(options.TokenFile ?? DashboardOptions.DefaultTokenFile()));
        s.AddSingleton(sp => sp.GetRequiredService<IResultStore>() as IJobStore
            ?? throw new InvalidOperationException("the results store keeps no job queue"));
        s.AddSingleton(sp => sp.GetRequiredService<IResultStore>() as IBisectionStore
            ?? throw new InvalidOperationException("the results store keeps no bisections"));
        s.AddSingleton(sp => new QueueService(sp.GetRequiredService<IJobStore>(), options.Scheduler));
        s.AddAntiforgery(o => o.Cookie.Name = "vfiolab.af");
        s.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.MapSiteCss();
        app.MapGroup("/api")
            .MapRunsApi()
            .MapMatrixApi()
            .MapRegressionsApi()
            .MapTrendsApi()
            .MapCompareApi()
            .MapBoardsApi()
            .MapExportsApi()
            .MapRunNowApi()
            .MapJobsApi()
            .MapBisectionsApi();
        app.MapRunsPages().MapRunDetailPages().MapMatrixPages().MapRegressionsPages().MapTrendsPages()
            .MapComparePages().MapBoardsPages().MapRunNowPages().MapQueuePages().MapBisectPages();

        var where = options.Store is null ? Path.GetFullPath(options.StorePath) : "(given by the caller)";
        var scope = options.AllowRemote ? "remote access ALLOWED" : "loopback only";
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var bound = string.Join(", ", app.Urls);
            DashboardLog.Listening(app.Logger, bound, scope, where);
        });
        return app;
    }
}
