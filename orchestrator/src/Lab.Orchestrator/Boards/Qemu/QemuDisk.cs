namespace Lab.Orchestrator.Boards.Qemu;

/// <summary>A raw disk file behind a <c>virtio-blk-device</c>.</summary>
/// <param name="Id">The drive id (letters, digits, '-', '_').</param>
/// <param name="Path">The file; it must exist.</param>
internal sealed record QemuDisk(string Id, string Path)
{
    /// <summary>Creates a fresh zeroed sparse file of <paramref name="sizeBytes"/> at <paramref name="path"/> (replacing any old one).</summary>
    public static QemuDisk Create(string id, string path, long sizeBytes)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.SetLength(sizeBytes);
        }

        return new QemuDisk(id, path);
    }

    /// <summary>The <c>-drive</c> value; QEMU option values escape a comma by doubling it.</summary>
    public string DriveOption => $"if=none,format=raw,id={Id},file={Path.Replace(",", ",,", StringComparison.Ordinal)}";
}
