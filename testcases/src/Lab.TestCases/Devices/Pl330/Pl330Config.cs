using System.Globalization;

namespace Lab.TestCases.Devices.Pl330;

/// <summary>
/// A PL330's configuration as its CR0-CR4 and CRD registers state it (ARM DDI 0424 3.3.x): channels, peripheral
/// request interfaces, events, the instruction cache, the data bus width, the AXI read/write issuing capabilities
/// and queue depths, and the data buffer (MFIFO) depth in lines.
/// </summary>
/// <param name="Channels">DMA channels (CR0 6:4, plus one).</param>
/// <param name="PeripheralRequests">Peripheral request interfaces (CR0 16:12 plus one; 0 when CR0 bit 0 says none).</param>
/// <param name="Events">Events and interrupt lines (CR0 21:17, plus one).</param>
/// <param name="ManagerNonSecureAtReset">CR0 bit 2.</param>
/// <param name="BootFromPc">CR0 bit 1: the manager boots from CR2's address.</param>
/// <param name="InstructionCacheLineBytes">CR1 2:0 as bytes per line.</param>
/// <param name="InstructionCacheLines">CR1 7:4, plus one.</param>
/// <param name="BootAddress">CR2.</param>
/// <param name="EventsNonSecure">CR3: bit n, event n's interrupt is non-secure.</param>
/// <param name="PeripheralsNonSecure">CR4: bit n, peripheral request n is non-secure.</param>
/// <param name="DataWidthBits">CRD 2:0 as bits (32, 64, 128).</param>
/// <param name="WriteCapability">CRD 6:4, plus one: outstanding AXI writes.</param>
/// <param name="WriteQueueDepth">CRD 11:8, plus one.</param>
/// <param name="ReadCapability">CRD 14:12, plus one: outstanding AXI reads.</param>
/// <param name="ReadQueueDepth">CRD 19:16, plus one.</param>
/// <param name="DataBufferLines">CRD 29:20, plus one: MFIFO depth in lines of the data width.</param>
public sealed record Pl330Config(
    int Channels,
    int PeripheralRequests,
    int Events,
    bool ManagerNonSecureAtReset,
    bool BootFromPc,
    int InstructionCacheLineBytes,
    int InstructionCacheLines,
    uint BootAddress,
    uint EventsNonSecure,
    uint PeripheralsNonSecure,
    int DataWidthBits,
    int WriteCapability,
    int WriteQueueDepth,
    int ReadCapability,
    int ReadQueueDepth,
    int DataBufferLines)
{
    /// <summary>Decodes the six configuration registers.</summary>
    public static Pl330Config Decode(uint cr0, uint cr1, uint cr2, uint cr3, uint cr4, uint crd) => new(
        Channels: (int)((cr0 >> 4) & 0x7) + 1,
        PeripheralRequests: (cr0 & 1) != 0 ? (int)((cr0 >> 12) & 0x1f) + 1 : 0,
        Events: (int)((cr0 >> 17) & 0x1f) + 1,
        ManagerNonSecureAtReset: (cr0 & 4) != 0,
        BootFromPc: (cr0 & 2) != 0,
        InstructionCacheLineBytes: 1 << (int)(cr1 & 0x7),
        InstructionCacheLines: (int)((cr1 >> 4) & 0xf) + 1,
        BootAddress: cr2,
        EventsNonSecure: cr3,
        PeripheralsNonSecure: cr4,
        DataWidthBits: 8 << (int)(crd & 0x7),
        WriteCapability: (int)((crd >> 4) & 0x7) + 1,
        WriteQueueDepth: (int)((crd >> 8) & 0xf) + 1,
        ReadCapability: (int)((crd >> 12) & 0x7) + 1,
        ReadQueueDepth: (int)((crd >> 16) & 0xf) + 1,
        DataBufferLines: (int)((crd >> 20) & 0x3ff) + 1);

    /// <summary>Reads and decodes the configuration registers through <paramref name="registers"/>.</summary>
    public static Pl330Config Read(RegisterWindow registers)
    {
        if (registers is null) { throw new ArgumentNullException(nameof(registers)); }
        return Decode(
            registers.Read32(Pl330Registers.Cr0), registers.Read32(Pl330Registers.Cr1), registers.Read32(Pl330Registers.Cr2),
            registers.Read32(Pl330Registers.Cr3), registers.Read32(Pl330Registers.Cr4), registers.Read32(Pl330Registers.Crd));
    }

    /// <summary>One line for a case's log: <c>8 channels, 32 peripheral requests, 32 events, 32-bit data, ...</c>.</summary>
    public string Describe() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} channels, {1} peripheral requests, {2} events, {3}-bit data, read {4}x/queue {5}, write {6}x/queue {7}, {8}-line buffer, i-cache {9} x {10} B",
        Channels, PeripheralRequests, Events, DataWidthBits, ReadCapability, ReadQueueDepth, WriteCapability, WriteQueueDepth,
        DataBufferLines, InstructionCacheLines, InstructionCacheLineBytes);
}
