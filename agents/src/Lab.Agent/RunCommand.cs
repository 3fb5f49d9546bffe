using Lab.Ktap;
using Lab.TestCases;
using Lab.TestCases.Model;
using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.Agent;

/// <summary>
/// <c>lab-agent run</c>: KTAP v1 on stdout and nothing else (<see cref="CaseRunner"/>); problems of the agent
/// itself go to stderr.
/// </summary>
internal static class RunCommand
{
    public static int Run(AgentOptions options, TextWriter stdout, TextWriter stderr, IVfioSyscalls syscalls)
    {
        var cases = Catalog.Find(options.Cases)
            .Where(c => (options.Area is null || CaseIds.Area(c.Id) == options.Area) && (options.SkipArea is null || CaseIds.Area(c.Id) != options.SkipArea))
            .ToList();
        var ktap = new KtapWriter(stdout);
        using var kmsg = KernelLog.TryOpen(syscalls, out var kmsgErrno);

        VfioSession session;
        try
        {
            session = VfioSession.Open(syscalls, options.Iommu, options.Group, options.Device);
        }
        catch (VfioException ex)
        {
            // The board is not set up as asked: every case is a harness error, not a kernel failure.
            ktap.WriteVersion();
            ktap.WritePlan(cases.Count);
            ktap.WriteErrno(ex.Errno, ex.ErrnoName);
            for (var i = 0; i < cases.Count; i++) { ktap.WriteResult(i + 1, KtapStatus.Error, cases[i].Id, "setup: " + ex.Message); }
            ktap.Flush();
            stderr.Write("lab-agent: setup failed: " + ex.Message + "\n");
            return ExitCodes.Failed;
        }

        if (kmsg is null) { stderr.Write("lab-agent: /dev/kmsg unavailable: errno " + kmsgErrno + " " + Errno.Name(kmsgErrno) + "\n"); }
        using (session)
        {
            var context = new CaseContext(syscalls, session) { Kernel = KernelVersion.Current(), StressDuration = options.StressDuration };
            return CaseRunner.Run(cases, context, ktap, kmsg) ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }
}
