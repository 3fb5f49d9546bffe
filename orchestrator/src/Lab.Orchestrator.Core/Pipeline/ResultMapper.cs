using Lab.Ktap;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>KTAP results to store records.</summary>
public static class ResultMapper
{
    /// <summary>Longest case log kept inline; a longer one goes to the store as a file.</summary>
    public const int ExcerptLimit = 4000;

    public static TestStatus Status(KtapStatus status) => status switch
    {
        KtapStatus.Pass => TestStatus.Pass,
        KtapStatus.Fail => TestStatus.Fail,
        KtapStatus.Skip => TestStatus.Skip,
        _ => TestStatus.Error,
    };

    /// <summary>
    /// The stored id: the agent's dotted case id with the device it ran on, <c>CASE@DEVICE</c>, since most cases run on
    /// every device of a board and the dashboard's matrix, history and regressions are per id. The parser's own ids
    /// for harness errors (<c>ktap.harness.N</c>) and missing results (<c>#N</c>) get <c>lab.agent.DEVICE.</c> in front.
    /// </summary>
    public static string TestId(KtapResult result, string deviceName)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parserMade = result.IsHarnessError || result.Id.Contains('#', StringComparison.Ordinal)
                         || result.Id.StartsWith("ktap.harness", StringComparison.Ordinal);
        return parserMade ? $"lab.agent.{deviceName}.{result.Id}" : $"{result.Id}@{deviceName}";
    }

    /// <summary>The record for a result; <paramref name="reasonSuffix"/> explains results the lab had to make up.</summary>
    public static TestResultRecord ToRecord(
        KtapResult result, string runId, string boardId, string deviceName, TimeSpan duration, DateTimeOffset recordedAt,
        string? reasonSuffix, Func<string, string> saveLog)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(saveLog);
        var testId = TestId(result, deviceName);
        var log = string.Join('\n', result.Log);
        string? logId = null;
        if (log.Length > ExcerptLimit)
        {
            logId = saveLog(log);
            log = log[..ExcerptLimit];
        }

        var reason = reasonSuffix is null ? result.Reason : string.IsNullOrEmpty(result.Reason) ? reasonSuffix : result.Reason + " " + reasonSuffix;
        return new TestResultRecord(
            runId, boardId, testId, Status(result.Status), duration, recordedAt,
            Reason: reason,
            Errno: result.Errno,
            ErrnoName: result.ErrnoName,
            Measurements: result.Measurements.Select(m => new Measurement(m.Name, m.Value, m.Unit)).ToList(),
            LogExcerpt: log.Length == 0 ? null : log,
            Dmesg: result.Dmesg.Count == 0 ? null : result.Dmesg,
            LogId: logId);
    }
}
