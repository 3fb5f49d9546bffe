using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>A raw disk behind a <c>virtio-blk-device</c>: a fresh zeroed file in the run directory.</summary>
public sealed record QemuDiskConfig
{
    /// <summary>The QEMU drive id, unique on the board; devices name it in <c>disk</c>.</summary>
    [Description("Drive id, unique on the board (letters, digits, '-', '_'); a device names it in 'disk'.")]
    public required string Id { get; init; }

    /// <summary>Size in MiB.</summary>
    [Description("Size in MiB (1-1024). The file is sparse: it costs only what the board writes.")]
    public int SizeMb { get; init; } = 8;
}
