namespace Lab.Dashboard.Rendering;

/// <summary>Page addresses. Every part from the store is URL-escaped here and HTML-encoded where written.</summary>
internal static class Links
{
    public static string Run(string runId) => "/runs/" + E(runId);

    public static string Job(string jobId) => "/queue/" + E(jobId);

    public static string Bisection(string id) => "/bisect/" + E(id);

    public static string Case(string runId, string boardId, string testId) =>
        $"/runs/{E(runId)}/boards/{E(boardId)}/case?test={E(testId)}";

    public static string Console(string runId, string boardId) => $"/runs/{E(runId)}/boards/{E(boardId)}/console";

    public static string BuildLog(string runId) => $"/runs/{E(runId)}/build-log";

    public static string RunMatrix(string runId) => "/matrix?run=" + E(runId);

    public static string BoardMatrix(string boardId) => "/matrix/boards/" + E(boardId);

    public static string Trends(string boardId) => "/trends/" + E(boardId);

    public static string Compare(string a, string b) => $"/compare?a={E(a)}&b={E(b)}";

    /// <summary>Two board runs of one run side by side: a board on two kernels.</summary>
    public static string CompareBoards(string runId, string boardA, string boardB) =>
        $"/compare?a={E(runId)}&b={E(runId)}&boardA={E(boardA)}&boardB={E(boardB)}";

    public static string Regressions(string runId) => "/regressions?run=" + E(runId);

    public static string RunsOfBoard(string boardId) => "/runs?board=" + E(boardId);

    private static string E(string s) => Uri.EscapeDataString(s);
}
