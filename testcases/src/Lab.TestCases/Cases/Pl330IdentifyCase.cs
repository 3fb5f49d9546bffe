using Lab.TestCases.Devices;
using Lab.TestCases.Devices.Pl330;
using Lab.TestCases.Model;

namespace Lab.TestCases.Cases;

/// <summary>
/// <c>vfio.amba.pl330.identify</c>: the PL330's PrimeCell ids (periph 0x00241330, cell 0xB105F00D) read the same
/// through pread and through an mmap of region 0, and its configuration registers (CR0-CR4, CRD) decode to what QEMU
/// models for the controller at that address (channels, peripheral requests, events, data width, buffer depth).
/// </summary>
public sealed class Pl330IdentifyCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.amba.pl330.identify";

    /// <inheritdoc/>
    public string Description => "PL330 ids 0x00241330/0xB105F00D via pread and mmap agree; CR0-CR4/CRD decode to QEMU's model of that controller";

    /// <inheritdoc/>
    public Requirements Requirements { get; } = Requirements.DeviceOf("amba", CaseFeature.MmapRegion) with { AnyDeviceFeature = new[] { "pl330" } };

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var device = context.Device!;
        var region = device.OpenRegion(0);
        var byPread = PrimeCell.Read(region.Read32);
        PrimeCellIds byMmap;
        Pl330Config config;
        using (var view = region.Map())
        {
            var registers = RegisterWindow.Of(view);
            byMmap = PrimeCell.Read(registers.Read32);
            config = Pl330Config.Read(registers);
        }

        context.Note($"{device.Name}: periph id 0x{byPread.PeriphId:x8}, cell id 0x{byPread.CellId:x8}; {config.Describe()}");
        if (byPread != byMmap) { return CaseOutcome.Fail($"pread reads ids 0x{byPread.PeriphId:x8}/0x{byPread.CellId:x8}, mmap 0x{byMmap.PeriphId:x8}/0x{byMmap.CellId:x8}"); }
        if (!byPread.IsPrimeCell) { return CaseOutcome.Fail($"cell id 0x{byPread.CellId:x8}, expected 0x{PrimeCell.CellId:x8}"); }
        if (byPread.Part != 0x330) { return CaseOutcome.Skip($"periph id 0x{byPread.PeriphId:x8}: not a PL330 (part 0x{byPread.Part:x3}); lab.json's pl330 feature is wrong for this device"); }
        if (byPread.PeriphId != 0x00241330) { return CaseOutcome.Fail($"periph id 0x{byPread.PeriphId:x8}, expected 0x00241330 (ARM PL330 r1p2)"); }
        if (Pl330QemuConfig.At(device.Name) is not { } model) { return CaseOutcome.Skip($"no QEMU model known at {device.Name}: configuration recorded, not checked"); }
        var differences = model.Differences(config);
        if (differences.Count > 0) { return CaseOutcome.Fail($"{model.Name}: {string.Join("; ", differences)}"); }
        context.Measure("pl330.channels", config.Channels);
        context.Measure("pl330.events", config.Events);
        context.Measure("pl330.data_width", config.DataWidthBits, "bits");
        return CaseOutcome.Pass();
    }
}
