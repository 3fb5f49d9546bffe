using System.Net.Http.Json;
using Lab.Orchestrator.Core.Jobs;

namespace Lab.Orchestrator.Service;

/// <summary>
/// POSTs a JSON event to the lab's webhook when a job ends (<c>job.ended</c>) and, after it, when its run has new
/// regressions (<c>run.regressions</c>). The token, read from its file at each event, goes in <c>X-Lab-Token</c>.
/// Bounded to 10 s per event; a failure is reported to the caller, which notes it on the job.
/// </summary>
internal sealed class WebhookNotifier(Uri url, string? tokenFile, HttpClient http) : IJobNotifier
{
    /// <summary>How long one POST may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Uri _url = url;
    private readonly string? _tokenFile = tokenFile;
    private readonly HttpClient _http = http;

    public async Task JobEndedAsync(Job job, JobOutcome? outcome, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var ended = new WebhookEvent("job.ended", job.Id, job.State.ToString(), job.ExitCode, job.RunIds.Count > 0 ? job.RunIds[^1] : null,
            job.Spec.Boards, job.Spec.Trigger.ToString().ToLowerInvariant(), job.Spec.Who, job.Note, []);
        await PostAsync(ended, ct).ConfigureAwait(false);
        if (outcome is { NewRegressions.Count: > 0 } o)
        {
            await PostAsync(ended with { Event = "run.regressions", Regressions = o.NewRegressions }, ct).ConfigureAwait(false);
        }
    }

    private async Task PostAsync(WebhookEvent e, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = JsonContent.Create(e) };
        if (_tokenFile is not null && File.Exists(_tokenFile) && (await File.ReadAllTextAsync(_tokenFile, limit.Token).ConfigureAwait(false)).Trim() is { Length: > 0 } token)
        {
            request.Headers.Add("X-Lab-Token", token);
        }

        try
        {
            using var response = await _http.SendAsync(request, limit.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"webhook {_url}: {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new HttpRequestException($"webhook {_url}: no answer within {Timeout.TotalSeconds} s");
        }
    }

    /// <summary>The JSON body.</summary>
    private sealed record WebhookEvent(string Event, string Job, string State, int? ExitCode, string? Run, IReadOnlyList<string> Boards,
        string Trigger, string Who, string? Note, IReadOnlyList<string> Regressions);
}
