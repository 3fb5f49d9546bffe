using Lab.Vfio;

namespace Lab.TestCases.Devices;

/// <summary>
/// 32-bit register access to a device's MMIO region, either through the region's pread/pwrite
/// (<see cref="VfioRegion"/>) or through an mmap of it (<see cref="MmioView"/>), so a driver is written once and
/// a case can run it both ways. Tests pass their own functions (a register model).
/// </summary>
public sealed class RegisterWindow
{
    private readonly Func<ulong, uint> _read;
    private readonly Action<ulong, uint> _write;

    /// <summary>A window of the given read and write functions (offset in the region -> value).</summary>
    public RegisterWindow(Func<ulong, uint> read, Action<ulong, uint> write, string how)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
        How = how ?? throw new ArgumentNullException(nameof(how));
    }

    /// <summary>How the registers are reached (<c>pread</c>, <c>mmap</c>), for messages.</summary>
    public string How { get; }

    /// <summary>Through the region's pread/pwrite.</summary>
    public static RegisterWindow Of(VfioRegion region)
    {
        if (region is null) { throw new ArgumentNullException(nameof(region)); }
        return new RegisterWindow(region.Read32, region.Write32, "pread");
    }

    /// <summary>Through an mmap of the region.</summary>
    public static RegisterWindow Of(MmioView view)
    {
        if (view is null) { throw new ArgumentNullException(nameof(view)); }
        return new RegisterWindow(view.ReadUInt32, view.WriteUInt32, "mmap");
    }

    /// <summary>Reads the 32-bit register at <paramref name="offset"/>.</summary>
    public uint Read32(ulong offset) => _read(offset);

    /// <summary>Writes the 32-bit register at <paramref name="offset"/>.</summary>
    public void Write32(ulong offset, uint value) => _write(offset, value);
}
