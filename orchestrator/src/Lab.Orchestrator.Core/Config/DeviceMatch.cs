using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Lab.Orchestrator.Core.Config;

/// <summary>How to find a device; exactly one key is set.</summary>
public sealed record DeviceMatch
{
    /// <summary>A virtio-mmio transport by virtio device id (4 = entropy source).</summary>
    [Description("virtio-mmio transport by virtio device id, e.g. 4 (rng).")]
    public int? VirtioDeviceId { get; init; }

    /// <summary>A PCI function by <c>vendor:device</c> in hex.</summary>
    [Description("PCI vendor:device in hex, e.g. 1234:11e8.")]
    public string? Pci { get; init; }

    /// <summary>An AMBA device by PrimeCell peripheral id, hex.</summary>
    [Description("AMBA PrimeCell peripheral id in hex, e.g. 0x00041031.")]
    public string? AmbaPeriphId { get; init; }

    /// <summary>A devicetree compatible string.</summary>
    [Description("Devicetree compatible, e.g. arm,pl330; arm,pl330#1 picks the second of several matching devices.")]
    public string? Compatible { get; init; }

    /// <summary>A sysfs device name.</summary>
    [Description("sysfs device name, e.g. 9010000.pl031.")]
    public string? SysfsName { get; init; }

    /// <summary>The keys that are set.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> SetKeys =>
        new (string Key, bool Set)[]
        {
            ("virtioDeviceId", VirtioDeviceId is not null), ("pci", Pci is not null),
            ("ambaPeriphId", AmbaPeriphId is not null), ("compatible", Compatible is not null),
            ("sysfsName", SysfsName is not null),
        }.Where(k => k.Set).Select(k => k.Key).ToList();
}
