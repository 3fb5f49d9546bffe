using System.Text.RegularExpressions;

namespace Lab.Orchestrator.Core.Config;

/// <summary>What a git revision given to the lab may look like: a sha, a branch or tag, <c>HEAD~3</c>, <c>v6.1^{commit}</c>; never an option.</summary>
public static partial class GitRevision
{
    /// <summary>True when <paramref name="revision"/> has that form (whether it names a commit is the tree's to say).</summary>
    public static bool IsWellFormed(string revision) => Pattern().IsMatch(revision);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._/~^@{}-]{0,127}$")]
    private static partial Regex Pattern();
}
