namespace Lab.Orchestrator.Core.Bisect;

/// <summary>
/// The search of a bisection over the commits between a good and a bad one (oldest first, the bad one last, the
/// good one left out): each step tests the untested commit nearest the middle of the range still in doubt, a
/// good verdict moves the range's start after it, a bad one its end to it, and a skipped commit is stepped
/// around. It ends when no untested commit is left in the range: the first bad commit is then the range's end,
/// or, when skipped commits sit just before it, one of those or the end.
/// </summary>
public sealed class BisectSearch
{
    private readonly IReadOnlyList<string> _commits;
    private readonly BisectVerdict?[] _verdicts;
    private int _lastGood = -1;
    private int _firstBad;

    /// <summary>Starts a search over <paramref name="commits"/> (oldest first; the last is known bad, the one before the first known good).</summary>
    public BisectSearch(IReadOnlyList<string> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        if (commits.Count == 0)
        {
            throw new ArgumentException("a bisection needs at least the bad commit", nameof(commits));
        }

        _commits = commits;
        _verdicts = new BisectVerdict?[commits.Count];
        _firstBad = commits.Count - 1;
        _verdicts[_firstBad] = BisectVerdict.Bad;
    }

    /// <summary>The commit to test next; null once the search has ended.</summary>
    public string? Next
    {
        get
        {
            var open = Enumerable.Range(_lastGood + 1, _firstBad - _lastGood - 1).Where(i => _verdicts[i] is null).ToList();
            if (open.Count == 0)
            {
                return null;
            }

            var middle = _lastGood + ((_firstBad - _lastGood) / 2);
            return _commits[open.MinBy(i => (Math.Abs(i - middle), i))];
        }
    }

    /// <summary>The commits the first bad one is among once the search has ended: one, unless skips left several; the end of the range last.</summary>
    public IReadOnlyList<string> FirstBadCandidates =>
        [.. Enumerable.Range(_lastGood + 1, _firstBad - _lastGood).Where(i => i == _firstBad || _verdicts[i] == BisectVerdict.Skip).Select(i => _commits[i])];

    /// <summary>How many commits are still in doubt (untested in the range); the steps left are about its base-2 logarithm.</summary>
    public int Remaining => Enumerable.Range(_lastGood + 1, _firstBad - _lastGood - 1).Count(i => _verdicts[i] is null);

    /// <summary>Records a commit's verdict; a commit outside the list is refused.</summary>
    public void Mark(string commit, BisectVerdict verdict)
    {
        var i = IndexOf(commit);
        _verdicts[i] = verdict;
        if (verdict == BisectVerdict.Good && i > _lastGood)
        {
            if (i >= _firstBad)
            {
                throw new InvalidOperationException($"commit {commit} is marked good but comes at or after the bad commit {_commits[_firstBad]}");
            }

            _lastGood = i;
        }
        else if (verdict == BisectVerdict.Bad && i < _firstBad)
        {
            if (i <= _lastGood)
            {
                throw new InvalidOperationException($"commit {commit} is marked bad but comes at or before the good commit {_commits[_lastGood]}");
            }

            _firstBad = i;
        }
    }

    private int IndexOf(string commit)
    {
        for (var i = 0; i < _commits.Count; i++)
        {
            if (string.Equals(_commits[i], commit, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"commit {commit} is not between the good and the bad commit", nameof(commit));
    }
}
