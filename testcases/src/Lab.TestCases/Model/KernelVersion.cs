using System.Globalization;

namespace Lab.TestCases.Model;

/// <summary>The version in a kernel release string (<c>uname -r</c>), the key of the expected-errno rows.</summary>
public static class KernelVersion
{
    /// <summary>
    /// The leading <c>MAJOR.MINOR[.PATCH]</c> of a release: <c>6.12.117+deb12-arm64</c> is 6.12.117, <c>6.1.0-57-arm64</c>
    /// is 6.1.0 (.NET's own reading made 6.12.117.12 of the first); null when it does not start with a version.
    /// </summary>
    public static Version? Parse(string? release)
    {
        if (release is null)
        {
            return null;
        }

        var parts = new List<int>(3);
        var i = 0;
        while (parts.Count < 3 && i < release.Length && IsDigit(release[i]))
        {
            var start = i;
            while (i < release.Length && IsDigit(release[i]))
            {
                i++;
            }

            if (!int.TryParse(release.Substring(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            parts.Add(n);
            if (i < release.Length && release[i] == '.')
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return parts.Count switch
        {
            >= 3 => new Version(parts[0], parts[1], parts[2]),
            2 => new Version(parts[0], parts[1]),
            _ => null,
        };
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>The running kernel's version, from <c>/proc/sys/kernel/osrelease</c>; null when it cannot be read.</summary>
    public static Version? Current()
    {
        try
        {
            return Parse(File.ReadAllText("/proc/sys/kernel/osrelease").Trim());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
