using System.CommandLine;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Core.Jobs;

namespace Lab.Orchestrator.Commands;

/// <summary>
/// <c>lab boards [--reset ID] [lab.json]</c>: a table of the boards lab.json describes, with each board's lease holder
/// and health; <c>--reset</c> takes a Bad board back into the schedule (it is checked before its next job).
/// </summary>
internal static class BoardsCommand
{
    public static Command Create()
    {
        var file = LabContext.LabJsonArgument();
        var reset = new Option<string?>("--reset") { Description = "Mark a Bad board for a fresh health check so lab serve schedules it again" };
        var command = new Command("boards", "List the boards of lab.json, their lease holders and health") { file, reset };
        command.SetAction(parse =>
        {
            var lab = LabContext.LoadOrReport(parse.GetValue(file), Console.Error);
            if (lab is null)
            {
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(reset) is { } id)
            {
                return Reset(lab, id);
            }

            // Who holds each board now (a run in progress); the store is only read.
            using var store = LabContext.OpenStore(LabContext.StorePath(lab), readOnly: true);
            var leases = store?.GetLeases().Where(l => l.ExpiresAt > DateTimeOffset.UtcNow).ToDictionary(l => l.BoardId, StringComparer.Ordinal) ?? [];
            var health = store?.GetBoardHealth().ToDictionary(h => h.BoardId, StringComparer.Ordinal) ?? [];
            var table = new TextTable("board", "kind", "arch", "agent", "ssh", "device", "driver", "iommu", "lease", "health");
            foreach (var b in lab.Config!.Boards)
            {
                var lease = leases.TryGetValue(b.Id, out var l) ? $"{l.Holder}, until {l.ExpiresAt:HH:mm:ss}Z" : "free";
                var port = b.Ssh.Port == 0 ? "auto" : b.Ssh.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                for (var i = 0; i < b.Devices.Count; i++)
                {
                    var d = b.Devices[i];
                    table.Add(
                        i == 0 ? (b.Id) : string.Empty, i == 0 ? Name(b.Kind) : string.Empty,
                        i == 0 ? Name(b.Arch) : string.Empty, i == 0 ? Name(b.EffectiveAgentRuntime) : string.Empty,
                        i == 0 ? ($"{b.Ssh.User}@{b.Ssh.Host}:{port}") : string.Empty,
                        (d.Name), Name(d.Driver), Name(d.Iommu), i == 0 ? lease : string.Empty, i == 0 ? Health(health.GetValueOrDefault(b.Id)) : string.Empty);
                }
            }

            table.Write(Console.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Health(BoardHealth? h) => h switch
    {
        null => "not checked",
        { Condition: BoardCondition.Good, CheckedAt: { } at } => $"good (checked {at:yyyy-MM-dd HH:mm}Z)",
        { Condition: BoardCondition.Bad } => $"BAD: {Core.Text.Escape(h.Note ?? string.Empty, 80)} (lab boards --reset {h.BoardId})",
        _ => "check due: " + Core.Text.Escape(h.Note ?? string.Empty, 80),
    };

    private static int Reset(LabConfigResult lab, string id)
    {
        if (lab.Config!.Boards.All(b => b.Id != id))
        {
            Console.Error.WriteLine($"lab boards: no board '{Core.Text.Escape(id, 80)}' in lab.json");
            return ExitCodes.BadInput;
        }

        using var store = LabContext.OpenStore(LabContext.StorePath(lab));
        if (store is null)
        {
            return ExitCodes.Infrastructure;
        }

        store.SaveBoardHealth(new BoardHealth(id, BoardCondition.NeedsCheck, null, 0, "reset by " + Environment.UserName));
        Console.Out.WriteLine($"{id}: reset; lab serve checks it before its next job");
        return ExitCodes.Ok;
    }

    // The lab.json spelling of an enum value (its JSON name), so the table reads like the file.
    private static string Name<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, LabJson.Options).Trim('"');
}
