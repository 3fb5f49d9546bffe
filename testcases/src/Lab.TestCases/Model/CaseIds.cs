namespace Lab.TestCases.Model;

/// <summary>Helpers for case ids.</summary>
public static class CaseIds
{
    /// <summary>The area (third segment) of <c>vfio.driver.area.case</c>.</summary>
    public static string Area(string id)
    {
        if (id is null) { throw new ArgumentNullException(nameof(id)); }
        var parts = id.Split('.');
        return parts.Length == 4 ? parts[2] : string.Empty;
    }

    /// <summary>Whether <paramref name="id"/> has the form <c>vfio.x.y.z</c> of lowercase words.</summary>
    public static bool IsWellFormed(string id) =>
        id is not null && id.Split('.') is { Length: 4 } p && p[0] == "vfio" &&
        p.All(s => s.Length > 0 && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'));

    /// <summary>Glob match: <c>*</c> matches any run of characters; comma-separated alternatives.</summary>
    public static bool Matches(string id, string? pattern)
    {
        if (string.IsNullOrEmpty(pattern)) { return true; }
        return pattern!.Split(',').Any(p => Glob(id, 0, p.Trim(), 0));
    }

    private static bool Glob(string s, int i, string p, int j)
    {
        while (j < p.Length)
        {
            if (p[j] == '*')
            {
                for (var k = i; k <= s.Length; k++)
                {
                    if (Glob(s, k, p, j + 1)) { return true; }
                }

                return false;
            }

            if (i >= s.Length || s[i] != p[j]) { return false; }
            i++;
            j++;
        }

        return i == s.Length;
    }
}
