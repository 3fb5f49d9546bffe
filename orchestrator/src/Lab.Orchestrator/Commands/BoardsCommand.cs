using System.CommandLine;
using Lab.Orchestrator.Cli;
using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Commands;

/// <summary><c>lab boards [lab.json]</c>: a table of the boards lab.json describes.</summary>
internal static class BoardsCommand
{
    public static Command Create()
    {
        var file = LabContext.LabJsonArgument();
        var command = new Command("boards", "List the boards of lab.json") { file };
        command.SetAction(parse =>
        {
            var lab = LabContext.LoadOrReport(parse.GetValue(file), Console.Error);
            if (lab is null)
            {
                return ExitCodes.BadInput;
            }

            // Who holds each board now (a run in progress); the store is only read.
            using var store = LabContext.OpenStore(LabContext.StorePath(lab), readOnly: true);
            var leases = store?.GetLeases().ToDictionary(l => l.BoardId, StringComparer.Ordinal) ?? [];
            var table = new TextTable("board", "kind", "arch", "agent", "ssh", "device", "driver", "iommu", "lease");
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
                        (d.Name), Name(d.Driver), Name(d.Iommu), i == 0 ? lease : string.Empty);
                }
            }

            table.Write(Console.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    // The lab.json spelling of an enum value (its JSON name), so the table reads like the file.
    private static string Name<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, LabJson.Options).Trim('"');
}
