using System.Text.Json.Serialization;

namespace Lab.Orchestrator.Core.Config;

/// <summary>How the lab reaches and powers a board.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BoardKind>))]
public enum BoardKind
{
    /// <summary>A QEMU machine the lab starts itself (the default lab; needs no hardware).</summary>
    [JsonStringEnumMemberName("qemu")] Qemu,

    /// <summary>An ARM Fixed Virtual Platform simulator started by a command.</summary>
    [JsonStringEnumMemberName("fvp")] Fvp,

    /// <summary>A physical board reached over SSH, with power and console commands.</summary>
    [JsonStringEnumMemberName("ssh")] Ssh,
}

/// <summary>The board's CPU architecture, which picks the cross compiler and the agent runtime.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BoardArch>))]
public enum BoardArch
{
    /// <summary>AArch64.</summary>
    [JsonStringEnumMemberName("arm64")] Arm64,

    /// <summary>32-bit ARMv7 (hard float).</summary>
    [JsonStringEnumMemberName("armv7")] Armv7,
}

/// <summary>How the agent runs on the board.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentRuntime>))]
public enum AgentRuntime
{
    /// <summary>A NativeAOT binary (arm64).</summary>
    [JsonStringEnumMemberName("nativeaot")] NativeAot,

    /// <summary>The net48 build under Debian's Mono (armv7: no linux-arm .NET packs can be restored here).</summary>
    [JsonStringEnumMemberName("mono")] Mono,
}

/// <summary>The VFIO driver a device under test is bound to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VfioDriver>))]
public enum VfioDriver
{
    /// <summary>vfio-platform (platform bus).</summary>
    [JsonStringEnumMemberName("vfio-platform")] VfioPlatform,

    /// <summary>vfio-amba (AMBA bus, PrimeCell devices).</summary>
    [JsonStringEnumMemberName("vfio-amba")] VfioAmba,

    /// <summary>vfio-pci.</summary>
    [JsonStringEnumMemberName("vfio-pci")] VfioPci,
}

/// <summary>How the device's DMA is isolated.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IommuMode>))]
public enum IommuMode
{
    /// <summary>No IOMMU: <c>enable_unsafe_noiommu_mode</c>, physical addresses.</summary>
    [JsonStringEnumMemberName("noiommu")] NoIommu,

    /// <summary>Type1 IOMMU (SMMU, Exynos System MMU).</summary>
    [JsonStringEnumMemberName("type1")] Type1,
}

/// <summary>Where drivers/vfio comes from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KernelSourceKind>))]
public enum KernelSourceKind
{
    /// <summary>Debian's linux-source package matching the board kernel's ABI.</summary>
    [JsonStringEnumMemberName("debian")] Debian,

    /// <summary>A developer's own kernel tree.</summary>
    [JsonStringEnumMemberName("tree")] Tree,
}
