using System.CommandLine;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Results;
using Lab.Orchestrator.Coverage;

namespace Lab.Orchestrator.Commands;

/// <summary>
/// <c>lab coverage [--run ID] [lab.json]</c>: the ioctl x flag/action x driver matrix, each cell naming the cases that
/// cover it and their last status (of that run, or the newest result of each case over the recent runs), then the
/// uncovered cells.
/// </summary>
internal static class CoverageCommand
{
    private const int RecentRuns = 50;

    public static Command Create()
    {
        var file = LabContext.LabJsonArgument();
        var run = new Option<string?>("--run") { Description = "Statuses from this run (default: each case's newest result)" };
        var command = new Command("coverage", "Show which catalog cases cover each VFIO ioctl x action x driver, and the gaps") { file, run };
        command.SetAction(parse =>
        {
            using var session = LabContext.Open(parse.GetValue(file), readOnly: true, out var failed);
            if (session is null)
            {
                return failed;
            }

            var (lab, store) = session;

            var runId = parse.GetValue(run);
            if (runId is not null && store.GetRun(runId) is null)
            {
                Console.Error.WriteLine($"no run '{runId}' in the store (list them with ./lab results)");
                return ExitCodes.BadInput;
            }

            Write(CoverageMatrix.Build(Latest(store, runId), DriversOf(lab.Config!)), Console.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The newest status of each <c>CASE@DEVICE</c>, from one run or the recent runs newest first.</summary>
    internal static IReadOnlyDictionary<string, TestStatus> Latest(IResultStore store, string? runId)
    {
        var latest = new Dictionary<string, TestStatus>(StringComparer.Ordinal);
        var runs = runId is not null ? [runId] : store.ListRuns(new RunQuery(Limit: RecentRuns)).Select(r => r.Id).ToList();
        foreach (var id in runs)
        {
            foreach (var r in store.GetResults(id).Reverse())
            {
                latest.TryAdd(r.TestId, r.Status);
            }
        }

        return latest;
    }

    /// <summary>Each lab.json device's driver as the matrix names it (<c>vfio-amba</c> -> <c>amba</c>).</summary>
    internal static IReadOnlyDictionary<string, string> DriversOf(LabConfig config)
    {
        var drivers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var device in config.Boards.SelectMany(b => b.Devices))
        {
            drivers[device.Name] = device.Driver switch
            {
                VfioDriver.VfioPlatform => "platform",
                VfioDriver.VfioAmba => "amba",
                _ => "pci",
            };
        }

        return drivers;
    }

    internal static void Write(IReadOnlyList<CoverageRow> rows, TextWriter output)
    {
        var drivers = Lab.TestCases.Coverage.CaseCoverage.Drivers;
        var table = new TextTable(["ioctl", "action", .. drivers]);
        foreach (var row in rows)
        {
            table.Add([row.Cell.Ioctl, row.Cell.Action, .. drivers.Select(d => Cell(row, d))]);
        }

        table.Write(output);
        var gaps = rows.SelectMany(r => r.UncoveredDrivers.Select(d => (r.Cell, Driver: d))).ToList();
        output.WriteLine();
        var notApplicable = rows.SelectMany(r => r.NotApplicable.Select(kv => (r.Cell, Driver: kv.Key, Reason: kv.Value))).ToList();
        output.WriteLine($"{rows.Count} cells x {drivers.Count} drivers; {notApplicable.Count} not applicable on this lab; " +
            $"{gaps.Count} uncovered (no case, or no case that ran there):");
        foreach (var (cell, driver) in gaps)
        {
            output.WriteLine($"  {cell.Ioctl} {cell.Action} [{driver}]");
        }

        output.WriteLine();
        output.WriteLine("not applicable (N/A):");
        foreach (var (cell, driver, reason) in notApplicable)
        {
            output.WriteLine($"  {cell.Ioctl} {cell.Action} [{driver}]: {reason}");
        }
    }

    // N/A where the cell cannot apply and nothing ran there anyway; otherwise the covering cases.
    private static string Cell(CoverageRow row, string driver) =>
        row.NotApplicable.ContainsKey(driver) && !CoverageRow.Ran(row.ByDriver[driver]) ? "N/A" : Cell(row.ByDriver[driver]);

    // "status_lifecycle:PASS unset_container_busy:-": the case's last two id segments and its status.
    private static string Cell(IReadOnlyList<CoveringCase> cases) =>
        cases.Count == 0 ? "-" : string.Join(" ", cases.Select(c => Short(c.CaseId) + ":" + (c.Status?.ToKcidb() ?? "-")));

    private static string Short(string id) => id[(id.IndexOf('.', 5) + 1)..];
}
