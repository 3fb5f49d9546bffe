using System.Globalization;

namespace Lab.Ktap;

/// <summary>
/// A streaming KTAP v1 parser: feed it lines as they arrive, get back each result as soon as its line is read.
/// It never throws on input: garbage, truncation, broken numbering and unclosed subtests become results with
/// <see cref="KtapStatus.Error"/> (a harness error), so a crashed or hostile board cannot crash the orchestrator.
/// </summary>
public sealed class KtapParser
{
    private const int IndentWidth = 4;
    private readonly List<KtapLevel> _levels = [new KtapLevel(null)];
    private bool _completed;
    private int _harnessErrors;

    /// <summary>Number of lines read so far.</summary>
    public int LinesRead { get; private set; }

    /// <summary>Parses a whole stream; convenience for tests and stored output.</summary>
    public static IReadOnlyList<KtapResult> ParseAll(TextReader reader)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var parser = new KtapParser();
        var results = new List<KtapResult>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            results.AddRange(parser.Feed(line));
        }

        results.AddRange(parser.Complete());
        return results;
    }

    /// <summary>Reads one line; returns the results it completed (none, one, or a parent with its subtests).</summary>
    public IReadOnlyList<KtapResult> Feed(string line)
    {
        if (_completed)
        {
            return [];
        }

        LinesRead++;
        var text = KtapConventions.Sanitize((line ?? string.Empty).TrimEnd('\r'));
        var spaces = 0;
        while (spaces < text.Length && text[spaces] == ' ')
        {
            spaces++;
        }

        var content = text.Substring(spaces).TrimEnd();
        var indent = spaces / IndentWidth;
        var depth = _levels.Count - 1;
        var output = new List<KtapResult>();

        // A version line one level deeper opens a subtest.
        if (indent == depth + 1 && spaces % IndentWidth == 0 && IsVersion(content))
        {
            var parent = _levels[depth];
            _levels.Add(new KtapLevel(parent.PendingSubtestName) { SawVersion = true });
            parent.PendingSubtestName = null;
            return output;
        }

        if (indent > depth || spaces % IndentWidth != 0 || content.Length == 0)
        {
            // Not KTAP at any level we are in: keep it with the innermost pending result (kernel log interleaving).
            if (content.Length > 0)
            {
                _levels[depth].AddLog(text.Trim());
            }

            return output;
        }

        // A line at a shallower indent closes the subtests above it.
        while (_levels.Count - 1 > indent)
        {
            CloseLevel(output, parentResultFollows: IsResult(content) && _levels.Count - 2 == indent);
        }

        HandleLine(_levels[indent], indent, content, output);
        return output;
    }

    /// <summary>Ends the stream: reports whatever was promised and never arrived.</summary>
    public IReadOnlyList<KtapResult> Complete()
    {
        var output = new List<KtapResult>();
        if (_completed)
        {
            return output;
        }

        while (_levels.Count > 1)
        {
            CloseLevel(output, parentResultFollows: false);
        }

        var top = _levels[0];
        if (!top.SawVersion && top.LastNumber == 0)
        {
            output.Add(Harness(0, "no KTAP output (no version line and no results)", top));
        }
        else
        {
            AddMissing(top, 0, string.Empty, output);
            if (top.Log.Count > 0 || top.Dmesg.Count > 0)
            {
                // Lines after the last result: a crash message, usually. Keep it, as an error.
                output.Add(Harness(0, "output continued after the last result", top));
            }
        }

        _completed = true;
        return output;
    }

    private static bool IsVersion(string content) =>
        content == "KTAP version 1" || content == "TAP version 13" || content == "TAP version 14";

    private static bool IsResult(string content) =>
        content.StartsWith("ok ", StringComparison.Ordinal) || content.StartsWith("not ok ", StringComparison.Ordinal) ||
        content == "ok" || content == "not ok";

    private void HandleLine(KtapLevel level, int depth, string content, List<KtapResult> output)
    {
        if (IsVersion(content))
        {
            if (level.SawVersion && depth == 0 && level.LastNumber > 0)
            {
                level.AddLog(content);
                output.Add(Harness(0, "a second KTAP version line: the producer restarted", level));
            }

            level.SawVersion = true;
            return;
        }

        if (content.StartsWith("1..", StringComparison.Ordinal))
        {
            if (int.TryParse(content.Substring(3), NumberStyles.None, CultureInfo.InvariantCulture, out var plan))
            {
                level.Plan = plan;
            }
            else
            {
                level.AddLog(content);
            }

            return;
        }

        if (content.StartsWith("#", StringComparison.Ordinal))
        {
            Diagnostic(level, content.Substring(1).Trim());
            return;
        }

        if (IsResult(content))
        {
            Result(level, depth, content, output);
            return;
        }

        level.AddLog(content);
    }

    private static void Diagnostic(KtapLevel level, string text)
    {
        if (text.StartsWith("Subtest:", StringComparison.Ordinal))
        {
            level.PendingSubtestName = text.Substring("Subtest:".Length).Trim();
            return;
        }

        if (text.StartsWith(KtapConventions.DmesgPrefix, StringComparison.Ordinal))
        {
            level.AddDmesg(text.Substring(KtapConventions.DmesgPrefix.Length));
            return;
        }

        if (KtapConventions.TryParseErrno(text, out var errno, out var name))
        {
            level.Errno = errno;
            level.ErrnoName = name.Length == 0 ? null : name;
            return;
        }

        var measurement = KtapConventions.ParseMeasurement(text);
        if (measurement is not null)
        {
            if (level.Measurements.Count < KtapLevel.MaxPendingLines)
            {
                level.Measurements.Add(measurement);
            }

            return;
        }

        level.AddLog(text);
    }

    private void Result(KtapLevel level, int depth, string content, List<KtapResult> output)
    {
        var notOk = content.StartsWith("not ok", StringComparison.Ordinal);
        var rest = content.Substring(notOk ? 6 : 2).TrimStart();
        var space = rest.IndexOf(' ');
        var numberText = space < 0 ? rest : rest.Substring(0, space);
        if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            level.AddLog(content);
            output.Add(Harness(0, "malformed result line (no test number): " + content, level));
            return;
        }

        var nameAndDirective = space < 0 ? string.Empty : rest.Substring(space + 1);
        var hash = nameAndDirective.IndexOf('#');
        var name = (hash < 0 ? nameAndDirective : nameAndDirective.Substring(0, hash)).Trim();
        var directive = hash < 0 ? null : nameAndDirective.Substring(hash + 1).Trim();
        var status = notOk ? KtapStatus.Fail : KtapStatus.Pass;
        var reason = directive;
        if (directive is not null)
        {
            if (StartsWithWord(directive, "SKIP"))
            {
                status = KtapStatus.Skip;
                reason = directive.Substring(4).Trim();
            }
            else if (StartsWithWord(directive, "ERROR") || StartsWithWord(directive, "TIMEOUT"))
            {
                status = KtapStatus.Error;
                reason = directive;
            }
        }

        var prefix = PathPrefix(depth);
        if (number != level.LastNumber + 1)
        {
            output.Add(Harness(0, $"result {number} follows {level.LastNumber}: numbering broken", level, prefix));
        }

        if (level.DroppedLines > 0)
        {
            level.Log.Add($"[{level.DroppedLines} more lines dropped]");
        }

        level.LastNumber = Math.Max(level.LastNumber, number);
        var id = prefix + (name.Length == 0 ? "#" + numberText : name);
        foreach (var child in level.ClosedChildren)
        {
            output.Add(child with { Id = id + "/" + child.Id.Substring(prefix.Length) });
        }

        level.ClosedChildren.Clear();
        output.Add(new KtapResult(
            id, number, status, name, reason, depth, [.. level.Log], [.. level.Dmesg], [.. level.Measurements],
            level.Errno, level.ErrnoName));
        level.ClearPending();
    }

    private static bool StartsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) &&
        (text.Length == word.Length || text[word.Length] == ' ');

    private void CloseLevel(List<KtapResult> output, bool parentResultFollows)
    {
        var depth = _levels.Count - 1;
        var level = _levels[depth];
        _levels.RemoveAt(depth);
        var parent = _levels[depth - 1];
        var prefix = PathPrefix(depth);
        var childResults = new List<KtapResult>(level.ClosedChildren);
        AddMissing(level, depth, prefix, childResults);
        if (level.Log.Count > 0 || level.Dmesg.Count > 0)
        {
            childResults.Add(Harness(depth, "subtest output continued after its last result", level, prefix));
        }

        if (parentResultFollows)
        {
            // Named once the parent's result line is read (it follows, at the parent's indent).
            parent.ClosedChildren.AddRange(childResults);
            return;
        }

        var parentName = level.SubtestName ?? $"subtest-{parent.LastNumber + 1}";
        var parentPrefix = PathPrefix(depth - 1);
        foreach (var child in childResults)
        {
            output.Add(child with { Id = parentPrefix + parentName + "/" + child.Id.Substring(prefix.Length) });
        }

        output.Add(Harness(0, $"subtest '{parentName}' ended without its result line", parent, parentPrefix + parentName + "/"));
    }

    private static void AddMissing(KtapLevel level, int depth, string prefix, List<KtapResult> output)
    {
        if (level.Plan is not int plan || level.LastNumber >= plan)
        {
            return;
        }

        for (var n = level.LastNumber + 1; n <= plan; n++)
        {
            output.Add(new KtapResult(
                prefix + "#" + n.ToString(CultureInfo.InvariantCulture), n, KtapStatus.Error, string.Empty,
                $"missing: output ended after test {level.LastNumber} of {plan} (truncated)", depth,
                [.. level.Log], [.. level.Dmesg], [], null, null));
            level.ClearPending();
        }
    }

    private KtapResult Harness(int depth, string reason, KtapLevel level, string prefix = "")
    {
        _harnessErrors++;
        var result = new KtapResult(
            prefix + "ktap.harness." + _harnessErrors.ToString(CultureInfo.InvariantCulture), 0, KtapStatus.Error,
            "ktap.harness", reason, depth, [.. level.Log], [.. level.Dmesg], [], null, null);
        level.ClearPending();
        return result;
    }

    // Names of the open subtests down to (not including) the given depth, each followed by '/'. Children are
    // renamed with the parent's result-line name when it arrives; until then the "# Subtest:" name stands in.
    private string PathPrefix(int depth)
    {
        var prefix = string.Empty;
        for (var i = 1; i <= depth && i < _levels.Count; i++)
        {
            prefix += (_levels[i].SubtestName ?? "subtest") + "/";
        }

        return prefix;
    }
}
