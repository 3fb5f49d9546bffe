using Lab.TestCases.Model;

namespace Lab.Agent;

/// <summary>The parsed command line.</summary>
/// <param name="Command"><c>list</c>, <c>run</c>, <c>probe</c>, <c>selfcheck</c> or <c>bench</c>.</param>
internal sealed record AgentOptions(string Command)
{
    public string? Device { get; init; }

    public string? Group { get; init; }

    public IommuMode Iommu { get; init; } = IommuMode.NoIommu;

    public string? Cases { get; init; }

    public string? Table { get; init; }

    /// <summary>Only cases of this area (the third part of the id, e.g. <c>stress</c>).</summary>
    public string? Area { get; init; }

    /// <summary>No cases of this area.</summary>
    public string? SkipArea { get; init; }

    /// <summary>The loop <c>bench</c> times (<c>--metric</c>).</summary>
    public string? Metric { get; init; }

    /// <summary>Timed iterations of <c>bench</c> (<c>--iterations</c>).</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>Untimed iterations before them (<c>--warmup</c>).</summary>
    public int Warmup { get; init; } = 50;

    /// <summary>How long each stress case runs (<c>--stress-seconds</c>).</summary>
    public TimeSpan StressDuration { get; init; } = CaseContext.DefaultStressDuration;

    public const string Usage =
        "usage: lab-agent list\n" +
        "       lab-agent run --group /dev/vfio/X [--device SYSFS_NAME] --iommu noiommu|type1 [--cases PATTERN] [--area A | --skip-area A] [--stress-seconds N]\n" +
        "       lab-agent probe --group /dev/vfio/X --device SYSFS_NAME [--iommu noiommu|type1]\n" +
        "       lab-agent selfcheck [--table FILE]\n" +
        "       lab-agent bench --metric NAME --group /dev/vfio/X --device SYSFS_NAME --iommu noiommu|type1 [--iterations N] [--warmup N]\n";

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are wrong.</summary>
    public static AgentOptions? Parse(string[] args, out string? error)
    {
        error = null;
        if (args.Length == 0) { error = "no command"; return null; }
        var o = new AgentOptions(args[0]);
        if (o.Command is not ("list" or "run" or "probe" or "selfcheck" or "bench")) { error = "unknown command '" + args[0] + "'"; return null; }
        var iommuGiven = false;
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length) { error = "option " + name + " needs a value"; return null; }
            var value = args[++i];
            switch (name)
            {
                case "--device": o = o with { Device = value }; break;
                case "--group": o = o with { Group = value }; break;
                case "--cases": o = o with { Cases = value }; break;
                case "--table": o = o with { Table = value }; break;
                case "--area": o = o with { Area = value }; break;
                case "--skip-area": o = o with { SkipArea = value }; break;
                case "--metric": o = o with { Metric = value }; break;
                case "--iterations" or "--warmup":
                    if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count > 1_000_000 || (count < 1 && name == "--iterations"))
                    {
                        error = name + " must be a whole number up to 1000000" + (name == "--iterations" ? ", at least 1" : string.Empty);
                        return null;
                    }

                    o = name == "--iterations" ? o with { Iterations = count } : o with { Warmup = count };
                    break;
                case "--stress-seconds":
                    if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds < 1 || seconds > 3600)
                    {
                        error = "--stress-seconds must be a whole number of seconds from 1 to 3600";
                        return null;
                    }

                    o = o with { StressDuration = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--iommu":
                    iommuGiven = true;
                    if (value == "noiommu") { o = o with { Iommu = IommuMode.NoIommu }; }
                    else if (value == "type1") { o = o with { Iommu = IommuMode.Type1 }; }
                    else { error = "--iommu must be noiommu or type1"; return null; }
                    break;
                default:
                    error = "unknown option " + name;
                    return null;
            }
        }

        if (o.Command == "run" && (o.Group is null || !iommuGiven)) { error = "run needs --group and --iommu"; return null; }
        if (o.Command == "probe" && (o.Group is null || o.Device is null)) { error = "probe needs --group and --device"; return null; }
        if (o.Command == "bench" && (o.Metric is null || o.Group is null || o.Device is null || !iommuGiven)) { error = "bench needs --metric, --group, --device and --iommu"; return null; }
        if (o.Device is not null && o.Group is null) { error = "--device needs --group"; return null; }
        return o;
    }
}
