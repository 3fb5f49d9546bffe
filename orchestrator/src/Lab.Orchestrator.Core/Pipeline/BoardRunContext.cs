using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>What every board of a run shares: the store, the clock, the lab, the request and the kind adapters.</summary>
/// <param name="Store">Results go here the moment they exist.</param>
/// <param name="Progress">Progress lines on stderr.</param>
/// <param name="Time">The clock (fake in the tests).</param>
/// <param name="Lab">lab.json.</param>
/// <param name="Request">What the run was asked to do.</param>
/// <param name="RunId">The run.</param>
/// <param name="RunDirectory">The run's directory on the host; each board gets a subdirectory.</param>
/// <param name="Builder">The build step.</param>
/// <param name="Factory">Makes the board adapters.</param>
/// <param name="Planner">Which cases apply to which device.</param>
public sealed record BoardRunContext(
    IResultStore Store, RunProgress Progress, TimeProvider Time, LabConfig Lab, RunRequest Request, string RunId, string RunDirectory,
    IBoardBuilder Builder, IBoardFactory Factory, ICasePlanner Planner)
{
    /// <summary>Runs on the host after the board is powered off (QEMU's backing-file check); never throws into the pipeline.</summary>
    public Action<IBoard>? AfterPowerOff { get; init; }

    /// <summary>Replaces the catalog in the <c>cases</c> step (<c>lab bench</c>); null runs the catalog.</summary>
    public IBoardWork? Work { get; init; }

    /// <summary>Resets after a hang or a lost link, per board run, before the run gives up on the board.</summary>
    public int MaxRecoveries { get; init; } = 3;
}
