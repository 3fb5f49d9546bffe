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

    /// <summary>Creates a context.</summary>
    public CaseContext(IVfioSyscalls syscalls, VfioContainer container, IommuMode iommu, VfioGroup? group = null, VfioDevice? device = null)
    {
        Syscalls = syscalls;
        Container = container;
        Iommu = iommu;
        Group = group;
        Device = device;
    }

    /// <summary>The syscall layer (real on boards, fake in unit tests).</summary>
    public IVfioSyscalls Syscalls { get; }

    /// <summary>The container, IOMMU set when a group is attached.</summary>
    public VfioContainer Container { get; }

    /// <summary>The IOMMU mode of the run.</summary>
    public IommuMode Iommu { get; }

    /// <summary>The group, if one was given.</summary>
    public VfioGroup? Group { get; }

    /// <summary>The device, if one was given.</summary>
    public VfioDevice? Device { get; }

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
