using System.Runtime.InteropServices;
using Lab.Vfio.Interop;

namespace Lab.Agent;

/// <summary>
/// <c>lab-agent selfcheck</c>: the struct sizes and offsets this runtime actually uses
/// (<see cref="LayoutCatalog"/>) against the table the build recorded from this architecture's C compiler
/// (embedded by agents/build.sh, or <c>--table FILE</c>).
/// </summary>
internal static class SelfcheckCommand
{
    public static int Run(AgentOptions options, TextWriter stdout, TextWriter stderr)
    {
        var arch = Arch();
        var text = options.Table is not null ? File.ReadAllText(options.Table) : Embedded(arch);
        if (text is null)
        {
            stderr.Write("lab-agent: selfcheck: no layout table for " + arch + " embedded (build with agents/build.sh) and no --table\n");
            return ExitCodes.Failed;
        }

        var runtime = LayoutCatalog.Entries();
        var problems = LayoutTable.Compare(runtime, LayoutTable.Parse(text));
        stdout.Write("selfcheck: " + arch + ", pointer " + IntPtr.Size + " bytes, " + runtime.Count + " layout entries checked\n");
        foreach (var p in problems) { stdout.Write("MISMATCH " + p + "\n"); }
        stdout.Write(problems.Count == 0 ? "selfcheck: ok\n" : "selfcheck: FAILED, " + problems.Count + " mismatches\n");
        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>The table name for this process: <c>x64</c>, <c>arm64</c> or <c>arm</c>.</summary>
    private static string Arch() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => "x64",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static string? Embedded(string arch)
    {
        using var s = typeof(SelfcheckCommand).Assembly.GetManifestResourceStream("layout/" + arch + ".txt");
        if (s is null) { return null; }
        using var reader = new StreamReader(s);
        return reader.ReadToEnd();
    }
}
