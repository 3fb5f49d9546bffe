using Lab.Ktap;
using Lab.TestCases.Model;
using Lab.Vfio;

namespace Lab.TestCases;

/// <summary>
/// Runs cases and writes KTAP: per case its notes, measurements, errnos and the kernel log lines that appeared
/// while it ran, then its result line. A case that throws is an ERROR, never the end of the run.
/// </summary>
public static class CaseRunner
{
    /// <summary>Runs <paramref name="cases"/> (version and plan included); true when none failed or errored.</summary>
    public static bool Run(IReadOnlyList<IVfioCase> cases, CaseContext context, KtapWriter ktap, KernelLog? kmsg)
    {
        if (cases is null) { throw new ArgumentNullException(nameof(cases)); }
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        if (ktap is null) { throw new ArgumentNullException(nameof(ktap)); }
        ktap.WriteVersion();
        ktap.WritePlan(cases.Count);
        var ok = true;
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
            ok &= status is KtapStatus.Pass or KtapStatus.Skip;
            ktap.WriteResult(i + 1, status, cases[i].Id, outcome.Reason);
            ktap.Flush();
        }

        return ok;
    }

    private static CaseOutcome RunOne(IVfioCase c, CaseContext context)
    {
        context.ResetRecords();
        try
        {
            var missing = c.Requirements.Missing(context);
            if (missing is not null) { return CaseOutcome.Skip(missing); }
            if (!c.Requirements.Has(CaseFeature.FreshGroup)) { return c.Run(context); }
            _ = context.Driver; // learn the driver while the device is open
            context.Session.Release();
            try
            {
                return c.Run(context);
            }
            finally
            {
                context.Session.Reopen();
            }
        }
        catch (VfioException ex)
        {
            // An unexpected kernel error inside a case: record the errno, report a harness error.
            context.RecordErrno(ex.Errno);
            return CaseOutcome.Error(ex.Message);
        }
        catch (Exception ex)
        {
            return CaseOutcome.Error(ex.GetType().Name + ": " + ex.Message);
        }
    }
}
