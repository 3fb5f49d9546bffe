using Lab.TestCases.Devices.Pl330;

namespace Lab.TestCases.Tests.Pl330;

public sealed class Pl330QemuConfigTests
{
    [TestCase("12680000.dma-controller", "Exynos4210 PDMA0", 32)]
    [TestCase("12850000.dma-controller", "Exynos4210 MDMA1", 64)]
    [TestCase("f8003000.dma-controller", "Zynq-7000 DMAC", 64)]
    public void The_controller_is_known_by_its_address(string device, string name, int width)
    {
        var model = Pl330QemuConfig.At(device)!;

        Assert.That((model.Name, model.DataWidthBits), Is.EqualTo((name, width)));
    }

    [Test]
    public void An_unknown_address_has_no_model() => Assert.That(Pl330QemuConfig.At("fe000000.dma"), Is.Null);

    [Test]
    public void Differences_name_each_field_that_does_not_match()
    {
        var pdma = Pl330QemuConfig.At("12680000.dma-controller")!;
        // CR0: 8 channels (6:4 = 7), 32 peripherals (bit 0, 16:12 = 31), 32 events (21:17 = 31); CRD: 32-bit, 32 lines.
        var cr0 = (7u << 4) | 1u | (31u << 12) | (31u << 17);
        var crd = 2u | (3u << 4) | (7u << 8) | (3u << 12) | (7u << 16) | (31u << 20);
        var matching = Pl330Config.Decode(cr0, 0, 0, 0, 0, crd);
        var mdmaLike = Pl330Config.Decode((7u << 4) | 1u | (30u << 17), 0, 0, 0, 0, 3u | (63u << 20));

        Assert.Multiple(() =>
        {
            Assert.That(pdma.Differences(matching), Is.Empty);
            Assert.That(pdma.Differences(mdmaLike), Is.EqualTo(new[]
            {
                "peripheral requests 1, expected 32", "events 31, expected 32", "data width 64, expected 32", "buffer lines 64, expected 32",
            }));
        });
    }
}
