using Lab.Vfio;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Model;

/// <summary>
/// What a case runs against (container, group, device, IOMMU mode) and where it records what it saw:
/// measurements, the errno of a negative call, free-text notes. The agent prints them before the result line.
/// </summary>
public sealed class CaseContext
{
    private readonly List<CaseMeasurement> _measurements = [];
    private readonly List<int> _errnos = [];
    private readonly List<string> _notes = [];

    private string? _driver;

    /// <summary>Creates a context over objects opened elsewhere (no fresh-group cases).</summary>
    public CaseContext(IVfioSyscalls syscalls, VfioContainer container, IommuMode iommu, VfioGroup? group = null, VfioDevice? device = null)
        : this(syscalls, VfioSession.Wrap(syscalls, container, iommu, group, device))
    {
    }

    /// <summary>Creates a context over a session the runner can release for fresh-group cases.</summary>
    public CaseContext(IVfioSyscalls syscalls, VfioSession session)
    {
        Syscalls = syscalls;
        Session = session ?? throw new ArgumentNullException(nameof(session));
    }

    /// <summary>The syscall layer (real on boards, fake in unit tests).</summary>
    public IVfioSyscalls Syscalls { get; }

    /// <summary>The shared container/group/device.</summary>
    public VfioSession Session { get; }

    /// <summary>The container, IOMMU set when a group is attached.</summary>
    public VfioContainer Container => Session.Container;

    /// <summary>The IOMMU mode of the run.</summary>
    public IommuMode Iommu => Session.Iommu;

    /// <summary>The group, if one was given.</summary>
    public VfioGroup? Group => Session.Group;

    /// <summary>The device, if one was given.</summary>
    public VfioDevice? Device => Session.Device;

    /// <summary>The running kernel's version (expected errnos are keyed by it); null when unknown.</summary>
    public Version? Kernel { get; init; }

    /// <summary>The stress cases' run time when the agent is not told (<c>--stress-seconds</c>).</summary>
    public static TimeSpan DefaultStressDuration { get; } = TimeSpan.FromSeconds(5);

    /// <summary>How long each stress case runs its loops.</summary>
    public TimeSpan StressDuration { get; init; } = DefaultStressDuration;

    /// <summary>
    /// The VFIO driver of the device: <c>platform</c>, <c>amba</c>, <c>pci</c>, from the device info flags
    /// (or <c>common</c> without a device).
    /// </summary>
    public string Driver => _driver ?? (Device is null ? "common" : _driver = DriverOf(Device));

    /// <summary>The driver name for a device's flags.</summary>
    public static string DriverOf(VfioDevice? device)
    {
        if (device is null) { return "common"; }
        var info = device.GetInfo();
        return info.IsPlatform ? "platform" : info.IsAmba ? "amba" : info.IsPci ? "pci" : "other";
    }

    /// <summary>Measurements recorded so far.</summary>
    public IReadOnlyList<CaseMeasurement> Measurements => _measurements;

    /// <summary>Errnos recorded so far (positive).</summary>
    public IReadOnlyList<int> Errnos => _errnos;

    /// <summary>Notes recorded so far.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Records a measurement.</summary>
    public void Measure(string name, double value, string unit = "") => _measurements.Add(new CaseMeasurement(name, value, unit));

    /// <summary>Records the errno a call returned (for negative tests).</summary>
    public void RecordErrno(int errno) => _errnos.Add(errno);

    /// <summary>Records a note.</summary>
    public void Note(string text) => _notes.Add(text);

    /// <summary>Clears what the previous case recorded.</summary>
    public void ResetRecords()
    {
        _measurements.Clear();
        _errnos.Clear();
        _notes.Clear();
    }
}
