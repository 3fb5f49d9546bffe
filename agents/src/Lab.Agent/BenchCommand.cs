using Lab.TestCases.Model;
using Lab.TestCases.Timing;
using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.Agent;

/// <summary>
/// <c>lab-agent bench</c>: one timed loop (<see cref="BenchLoops"/>) on one device, lines <c>METRIC STAT VALUE UNIT</c>
/// on stdout; <c>lab bench</c> runs it alternately with the C reference doing the same loop.
/// </summary>
internal static class BenchCommand
{
    public static int Run(AgentOptions options, TextWriter stdout, TextWriter stderr, IVfioSyscalls syscalls)
    {
        try
        {
            using var session = VfioSession.Open(syscalls, options.Iommu, options.Group, options.Device);
            var context = new CaseContext(syscalls, session);
            var failed = BenchLoops.Run(options.Metric!, context, options.Warmup, options.Iterations, stdout);
            stdout.Flush();
            if (failed is null) { return ExitCodes.Ok; }
            stderr.Write("lab-agent: bench " + options.Metric + ": " + failed + "\n");
            return ExitCodes.Failed;
        }
        catch (VfioException ex)
        {
            stderr.Write("lab-agent: bench " + options.Metric + ": " + ex.Message + "\n");
            return ExitCodes.Failed;
        }
    }
}
