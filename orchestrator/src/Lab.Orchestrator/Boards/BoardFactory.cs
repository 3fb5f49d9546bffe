using Lab.Orchestrator.Boards.Fvp;
using Lab.Orchestrator.Boards.Physical;
using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Config;
using Lab.Orchestrator.Ssh;

namespace Lab.Orchestrator.Boards;

/// <summary>
/// Makes the adapter of a board's kind from its lab.json entry and what the build made. Host keys and key
/// files apply to every kind: a given <c>ssh.hostKey</c> is pinned (a QEMU image's own key is pinned only under
/// <c>pin-on-first-boot</c>), a given <c>ssh.keyFile</c> is the login key.
/// </summary>
internal sealed class BoardFactory(string labDirectory, TimeProvider time) : IBoardFactory
{
    private readonly string _labDirectory = labDirectory;
    private readonly TimeProvider _time = time;

    /// <summary>The lab's own user key (kernel/board/build-image.sh makes it on first use).</summary>
    public static string DefaultLabKey() =>
        Environment.GetEnvironmentVariable("VFIOLAB_LAB_KEY") is { Length: > 0 } key
            ? key
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } config
                ? config
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"), "vfiolab", "lab_ed25519");

    /// <summary>The login key for a board: lab.json's <c>ssh.keyFile</c>, else the key its image trusts, else the lab key.</summary>
    public static string KeyFile(BoardConfig board, BoardArtifacts artifacts, string labDirectory)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(artifacts);
        return board.Ssh.KeyFile is { } k ? LabPath.Resolve(k, labDirectory) : artifacts.Boot?.LabKeyPath ?? DefaultLabKey();
    }

    /// <inheritdoc />
    public IBoard Create(BoardConfig board, BoardArtifacts artifacts, string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(artifacts);
        var keyFile = KeyFile(board, artifacts, _labDirectory);
        var hostKey = board.Ssh.HostKey == SshConfig.PinOnFirstBoot
            ? artifacts.Boot?.HostKeySha256 ?? throw new InvalidDataException($"board '{board.Id}': pin-on-first-boot needs an image the lab built")
            : board.Ssh.HostKey;
        switch (board.Kind)
        {
            case BoardKind.Qemu:
            {
                var boot = artifacts.Boot ?? throw new InvalidDataException($"board '{board.Id}': no image was built");
                var options = new QemuBoardOptions(boot.KernelImage, boot.Initramfs, hostKey, keyFile, runDirectory)
                {
                    BootTimeout = TimeSpan.FromSeconds(board.Timeouts.BootSeconds),
                    QemuBinary = board.Arch == BoardArch.Arm64 ? "qemu-system-aarch64" : "qemu-system-arm",
                    DeviceTree = boot.DeviceTree,
                };
                if (board.Qemu is { } q)
                {
                    // Fresh zeroed files every run, so whatever the board-side cases wrote is all they contain.
                    var disks = q.Disks.Select(d => QemuDisk.Create(d.Id, Path.Combine(runDirectory, "disks", d.Id + ".img"), d.SizeMb * 1024L * 1024L)).ToList();
                    options = options with
                    {
                        Machine = q.Machine, Cpu = q.Cpu, Cpus = q.Smp, MemoryMiB = q.MemoryMb, Devices = q.Devices, Disks = disks, Nic = q.Nic, Console = q.Console,
                    };
                }

                return new QemuKind(board, options, _time);
            }

            case BoardKind.Fvp:
            {
                var boot = artifacts.Boot ?? throw new InvalidDataException($"board '{board.Id}': no image was built");
                var ssh = new BoardSshOptions(board.Ssh.Host, board.Ssh.Port, keyFile, hostKey, board.Ssh.User);
                return new FvpKind(board, boot, ssh, runDirectory, _labDirectory, _time);
            }

            default:
            {
                var ssh = new BoardSshOptions(board.Ssh.Host, board.Ssh.Port, keyFile, hostKey, board.Ssh.User);
                return new PhysicalKind(board, ssh, runDirectory, _time);
            }
        }
    }
}
