using Lab.TestCases.Model;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>VFIO_DEVICE_FEATURE</c> probes, each answer compared with <see cref="ExpectedErrno"/> rows
/// <c>vfio.common.device.feature#PROBE</c> per driver: a feature no lab device has (MIGRATION), an unknown feature
/// index (0xffff), LOW_POWER_ENTRY (vfio-pci has it), an unknown flag bit, GET|SET without PROBE, argsz below the
/// header. PROBE never changes the device.
/// </summary>
public sealed class FeatureProbeCase : IVfioCase
{
    private const uint Probe = VfioConstants.VFIO_DEVICE_FEATURE_PROBE;
    private const uint Get = VfioConstants.VFIO_DEVICE_FEATURE_GET;
    private const uint Set = VfioConstants.VFIO_DEVICE_FEATURE_SET;

    /// <inheritdoc/>
    public string Id => "vfio.common.device.feature";

    /// <inheritdoc/>
    public string Description => "VFIO_DEVICE_FEATURE PROBE of absent, unknown and present features and malformed headers: errnos per driver";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.Device;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        var probes = new (string Name, uint Flags, uint? Argsz)[]
        {
            ("migration", Probe | Get | Set | VfioConstants.VFIO_DEVICE_FEATURE_MIGRATION, null),
            ("unknown_index", Probe | Get | VfioConstants.VFIO_DEVICE_FEATURE_MASK, null),
            ("low_power_entry", Probe | Set | VfioConstants.VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY, null),
            ("unknown_flag", Probe | Get | (1u << 20) | VfioConstants.VFIO_DEVICE_FEATURE_MIGRATION, null),
            ("get_and_set", Get | Set | VfioConstants.VFIO_DEVICE_FEATURE_MIGRATION, null),
            ("argsz_short", Probe | Get | VfioConstants.VFIO_DEVICE_FEATURE_MIGRATION, 4u),
        };
        var failures = new List<string>();
        var answers = new List<string>();
        foreach (var (name, flags, argsz) in probes)
        {
            var errno = device.TryFeature(flags, default, argsz);
            if (errno != 0) { context.RecordErrno(errno); }
            answers.Add(name + " " + ExpectedErrno.Describe(errno));
            var expected = ExpectedErrno.For(Id + "#" + name, context.Driver, context.Kernel);
            if (errno != expected)
            {
                failures.Add($"VFIO_DEVICE_FEATURE {name} (flags 0x{flags:x}{(argsz is { } a ? $", argsz {a}" : string.Empty)}): expected {ExpectedErrno.Describe(expected)}, got {ExpectedErrno.Describe(errno)} on vfio-{context.Driver}");
            }
        }

        context.Note(string.Join("; ", answers));
        return failures.Count == 0 ? CaseOutcome.Pass() : CaseOutcome.Fail(string.Join("; ", failures));
    }
}
