using Lab.Ktap;
using Lab.TestCases;
using Lab.TestCases.Model;
using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.Agent;

/// <summary>
/// <c>lab-agent run</c>: KTAP v1 on stdout and nothing else. Each case's diagnostics (notes, measurements,
/// errnos, then the kernel log lines that appeared while it ran) come before its result line.
/// </summary>
internal static class RunCommand
{
    public static int Run(AgentOptions options, TextWriter stdout, TextWriter stderr, IVfioSyscalls syscalls)
    {
        var cases = Catalog.Find(options.Cases);
        var ktap = new KtapWriter(stdout);
        ktap.WriteVersion();
        ktap.WritePlan(cases.Count);
        using var kmsg = KernelLog.TryOpen(syscalls, out var kmsgErrno);
        if (kmsg is null) { ktap.WriteDiagnostic("lab.dmesg unavailable: errno " + kmsgErrno + " " + Errno.Name(kmsgErrno)); }

        Session session;
        try
        {
            session = Session.Open(options, syscalls);
        }
        catch (VfioException ex)
        {
            // The board is not set up as asked: every case is a harness error, not a kernel failure.
            ktap.WriteErrno(ex.Errno, ex.ErrnoName);
            for (var i = 0; i < cases.Count; i++) { ktap.WriteResult(i + 1, KtapStatus.Error, cases[i].Id, "setup: " + ex.Message); }
            ktap.Flush();
            stderr.Write("lab-agent: setup failed: " + ex.Message + "\n");
            return ExitCodes.Failed;
        }

        using (session)
        {
            var context = new CaseContext(syscalls, session.Container, options.Iommu, session.Group, session.Device);
            var failed = false;
            for (var i = 0; i < cases.Count; i++)
            {
                var outcome = RunOne(cases[i], context);
                foreach (var note in context.Notes) { ktap.WriteDiagnostic(note); }
                foreach (var m in context.Measurements) { ktap.WriteMeasurement(m.Name, m.Value, m.Unit); }
                foreach (var e in context.Errnos) { ktap.WriteErrno(e, Errno.Name(e)); }
                if (kmsg is not null)
                {
                    foreach (var line in kmsg.ReadNew()) { ktap.WriteDmesg(line); }
                }

                var status = outcome.Status switch
                {
                    CaseStatus.Pass => KtapStatus.Pass,
                    CaseStatus.Skip => KtapStatus.Skip,
                    CaseStatus.Error => KtapStatus.Error,
                    _ => KtapStatus.Fail,
                };
                failed |= status is KtapStatus.Fail or KtapStatus.Error;
                if (status == KtapStatus.Fail && outcome.Reason is not null) { ktap.WriteDiagnostic(outcome.Reason); }
                ktap.WriteResult(i + 1, status, cases[i].Id, status == KtapStatus.Fail ? null : outcome.Reason);
                ktap.Flush();
            }

            return failed ? ExitCodes.Failed : ExitCodes.Ok;
        }
    }

    private static CaseOutcome RunOne(IVfioCase c, CaseContext context)
    {
        context.ResetRecords();
        try
        {
            var missing = c.Requirements.Missing(context);
            return missing is not null ? CaseOutcome.Skip(missing) : c.Run(context);
        }
        catch (VfioException ex)
        {
            // An unexpected kernel error inside a case: the case is broken or the board is; record the errno.
            context.RecordErrno(ex.Errno);
            return CaseOutcome.Error(ex.Message);
        }
        catch (Exception ex)
        {
            return CaseOutcome.Error(ex.GetType().Name + ": " + ex.Message);
        }
    }
}
