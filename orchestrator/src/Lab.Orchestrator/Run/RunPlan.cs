using System.Globalization;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Pipeline;

namespace Lab.Orchestrator.Run;

/// <summary><c>lab run --plan</c>: the steps of each board with their timeouts and the (case, device) pairs that will run; touches no board.</summary>
internal static class RunPlan
{
    public static void Write(LabConfig lab, RunRequest request, IReadOnlyList<BoardConfig> boards, ICasePlanner planner, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(boards);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(output);
        var total = 0;
        var left = 0;
        foreach (var board in boards)
        {
            output.WriteLine($"board {board.Id} ({board.Kind.ToString().ToLowerInvariant()}, {board.Arch.ToString().ToLowerInvariant()}, kernel {board.Kernel}, retries {board.Retries})");
            foreach (var step in BoardSteps.All)
            {
                var seconds = BoardSteps.Timeout(step, board.Timeouts).TotalSeconds.ToString(CultureInfo.InvariantCulture);
                var limit = step == BoardStep.Cases ? $"{seconds} s per case" : seconds + " s";
                output.WriteLine($"  step {BoardSteps.Name(step),-15} {limit,-16} {BoardSteps.Describe(step, board)}");
            }

            var patterns = request.Cases is { } cases
                ? [cases]
                : board.Suites.Where(lab.Suites.ContainsKey).SelectMany(s => lab.Suites[s].Cases).Distinct(StringComparer.Ordinal).ToList();
            foreach (var device in board.Devices)
            {
                var plan = planner.Plan(board, device, patterns);
                total += plan.Cases.Count + plan.StressCases.Count;
                left += plan.NotApplicable.Count;
                output.WriteLine($"  device {device.Name}: {plan.Cases.Count} cases, {plan.StressCases.Count} stress cases, {plan.NotApplicable.Count} not applicable");
                foreach (var id in plan.Cases.Concat(plan.StressCases))
                {
                    output.WriteLine($"    run  {id}@{device.Name}");
                }

                foreach (var (id, why) in plan.NotApplicable)
                {
                    output.WriteLine($"    n/a  {id}@{device.Name}: {why}");
                }
            }
        }

        output.WriteLine($"plan: {total} (case, device) pairs on {boards.Count} board(s); {left} not applicable and not run");
    }
}
