namespace Lab.TestCases.Devices.Pl330;

/// <summary>A PL330 QEMU models, as its configuration registers should read.</summary>
/// <param name="Name">The controller (<c>Exynos4210 PDMA0</c>).</param>
/// <param name="PeripheralRequests">Peripheral request interfaces.</param>
/// <param name="Events">Events (and event interrupt lines).</param>
/// <param name="DataWidthBits">AXI data width.</param>
/// <param name="DataBufferLines">MFIFO depth in lines of the data width.</param>
/// <param name="Channels">Channels: eight on every PL330 QEMU builds.</param>
public sealed record Pl330QemuConfig(string Name, int PeripheralRequests, int Events, int DataWidthBits, int DataBufferLines, int Channels = 8)
{
    /// <summary>
    /// The controller QEMU models at the address in a platform device's name (<c>12680000.dma-controller</c>); null
    /// for an address the lab knows no model for. From QEMU's exynos4210.c (PDMA: 32 peripherals, 32 events, 32-bit,
    /// 32 lines; MDMA: 1, 31, 64-bit, 64 lines) and xilinx_zynq.c (the PL330 defaults: 4, 16, 64-bit, 256 lines).
    /// </summary>
    public static Pl330QemuConfig? At(string deviceName)
    {
        if (deviceName is null) { throw new ArgumentNullException(nameof(deviceName)); }
        var address = deviceName.Split('.')[0];
        return address switch
        {
            "12680000" => new Pl330QemuConfig("Exynos4210 PDMA0", 32, 32, 32, 32),
            "12690000" => new Pl330QemuConfig("Exynos4210 PDMA1", 32, 32, 32, 32),
            "12850000" => new Pl330QemuConfig("Exynos4210 MDMA1", 1, 31, 64, 64),
            "f8003000" => new Pl330QemuConfig("Zynq-7000 DMAC", 4, 16, 64, 256),
            _ => null,
        };
    }

    /// <summary>How <paramref name="config"/> differs from this model; empty when it matches.</summary>
    public IReadOnlyList<string> Differences(Pl330Config config)
    {
        if (config is null) { throw new ArgumentNullException(nameof(config)); }
        var differences = new List<string>();
        void Check(string what, int actual, int expected)
        {
            if (actual != expected) { differences.Add($"{what} {actual}, expected {expected}"); }
        }

        Check("channels", config.Channels, Channels);
        Check("peripheral requests", config.PeripheralRequests, PeripheralRequests);
        Check("events", config.Events, Events);
        Check("data width", config.DataWidthBits, DataWidthBits);
        Check("buffer lines", config.DataBufferLines, DataBufferLines);
        return differences;
    }
}
