using System.CommandLine;
using System.Runtime.InteropServices;
using Lab.Orchestrator.Boards;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Pipeline;
using Lab.Orchestrator.Kernel;
using Lab.Orchestrator.Run;

namespace Lab.Orchestrator.Commands;

/// <summary>
/// <c>lab boot BOARD [lab.json]</c>: builds what the board needs, powers it on, loads the VFIO modules (from the
/// image, or uploaded on a board with its own OS), installs the bind script, prints how to reach the board and
/// waits; Ctrl-C powers it off. A board to poke at by hand, brought up exactly as a run brings it up.
/// </summary>
internal static class BootCommand
{
    public static Command Create()
    {
        var board = new Argument<string>("board") { Description = "The board id in lab.json" };
        var file = LabContext.LabJsonArgument();
        var command = new Command("boot", "Boot a board with the VFIO modules loaded, print how to reach it, wait until Ctrl-C") { board, file };
        command.SetAction((parse, ct) => BootAsync(parse.GetValue(board)!, parse.GetValue(file), ct));
        return command;
    }

    private static async Task<int> BootAsync(string boardId, string? labJson, CancellationToken ct)
    {
        var lab = LabContext.LoadOrReport(labJson, Console.Error);
        if (lab is null)
        {
            return ExitCodes.BadInput;
        }

        var config = lab.Config!.Boards.FirstOrDefault(b => b.Id == boardId);
        if (config is null)
        {
            await Console.Error.WriteLineAsync($"lab: no board '{boardId}' in lab.json (boards: {string.Join(", ", lab.Config.Boards.Select(b => b.Id))})").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var problems = BoardSteps.Check(config, lab.Config);
        if (problems.Count > 0)
        {
            await Console.Error.WriteLineAsync($"lab: board '{boardId}': {string.Join("; ", problems)}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        var time = TimeProvider.System;
        var directory = Path.Combine(lab.Directory, ".lab", "boot", boardId);
        var builds = new RunBuilds(null, new ScriptRunner(time), lab, "boot", Path.Combine(directory, "build"));
        await Console.Error.WriteLineAsync($"lab: building for {boardId}...").ConfigureAwait(false);
        var artifacts = await builds.BuildAsync(config, stop.Token).ConfigureAwait(false);
        var target = new BoardFactory(lab.Directory, time).Create(config, artifacts, directory);
        await using (target.ConfigureAwait(false))
        {
            try
            {
                await Console.Error.WriteLineAsync($"lab: powering on {boardId}...").ConfigureAwait(false);
                using (var power = new StepTimeout(time, BoardSteps.Timeout(BoardStep.PowerOn, config.Timeouts), stop.Token))
                {
                    await target.Power.OnAsync(power.Token).ConfigureAwait(false);
                }

                IBoardLink link;
                using (var boot = new StepTimeout(time, BoardSteps.Timeout(BoardStep.Boot, config.Timeouts), stop.Token))
                {
                    link = await target.WaitReadyAsync(boot.Token).ConfigureAwait(false);
                }

                await using (link.ConfigureAwait(false))
                {
                    var up = new VfioBringUp(link);
                    var plan = ModuleLoadPlan.For(lab.Config.Kernels[config.Kernel].ModuleParams, [.. artifacts.Modules.Select(m => m.Name)]);
                    if (target.ModulesInImage)
                    {
                        await up.LoadFromImageAsync(plan, stop.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        await up.UploadAndLoadAsync(artifacts.KernelRelease, artifacts.Modules, plan, stop.Token).ConfigureAwait(false);
                    }

                    await up.InstallBindScriptAsync(artifacts.BindScriptPath, stop.Token).ConfigureAwait(false);
                    await Console.Out.WriteLineAsync($"""
                        board {boardId} is up ({link.Endpoint}), kernel {artifacts.KernelRelease}, VFIO modules loaded
                          ssh:      ssh -i {BoardFactory.KeyFile(config, artifacts, lab.Directory)} -p {link.Endpoint.Split(':')[^1]} {link.Endpoint.Split(':')[0]}
                          console:  {target.Console.LogPath}
                          bind:     {VfioBringUp.RemoteBindScript} bind SELECTOR DRIVER   (e.g. virtio-id:4 vfio-platform)
                        Ctrl-C powers the board off.
                        """).ConfigureAwait(false);
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"lab: powering {boardId} off").ConfigureAwait(false);
            }
            finally
            {
                using var off = new StepTimeout(time, BoardSteps.Timeout(BoardStep.PowerOff, config.Timeouts), CancellationToken.None);
                await target.Power.OffAsync(off.Token).ConfigureAwait(false);
            }
        }

        return ExitCodes.Ok;
    }
}
