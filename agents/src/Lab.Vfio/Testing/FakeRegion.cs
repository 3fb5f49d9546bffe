namespace Lab.Vfio.Testing;

/// <summary>A region the fake serves; pread/pwrite/mmap act on <see cref="Backing"/>.</summary>
public sealed class FakeRegion
{
    /// <summary>Creates a region of <paramref name="size"/> bytes.</summary>
    public FakeRegion(uint flags, ulong size)
    {
        Flags = flags;
        Size = size;
        Backing = new byte[size];
    }

    /// <summary><c>VFIO_REGION_INFO_FLAG_*</c> (CAPS is added by the fake when capabilities exist).</summary>
    public uint Flags { get; set; }

    /// <summary>Size in bytes.</summary>
    public ulong Size { get; }

    /// <summary>The region's contents.</summary>
    public byte[] Backing { get; }

    /// <summary>Region capabilities.</summary>
    public List<FakeCapability> Capabilities { get; } = [];
}
