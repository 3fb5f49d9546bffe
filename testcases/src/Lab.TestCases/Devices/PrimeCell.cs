namespace Lab.TestCases.Devices;

/// <summary>
/// The identification registers every ARM PrimeCell (PL031, PL330, ...) has in the last 32 bytes of its 4 KiB page:
/// four peripheral id bytes at 0xFE0-0xFEC (part number, designer 0x41, revision) and four cell id bytes at
/// 0xFF0-0xFFC (0x0D 0xF0 0x05 0xB1, the cell id 0xB105F00D).
/// </summary>
public static class PrimeCell
{
    /// <summary>Offset of the first peripheral id register (PERIPHID0) in the page.</summary>
    public const ulong PeriphId0 = 0xFE0;

    /// <summary>Offset of the first cell id register (PCELLID0).</summary>
    public const ulong CellId0 = 0xFF0;

    /// <summary>The cell id every PrimeCell reports.</summary>
    public const uint CellId = 0xB105F00D;

    /// <summary>The id bytes (low byte of each of the 8 registers) read with <paramref name="read32"/> (offset -> value).</summary>
    public static PrimeCellIds Read(Func<ulong, uint> read32)
    {
        if (read32 is null) { throw new ArgumentNullException(nameof(read32)); }
        uint periph = 0, cell = 0;
        for (var i = 0; i < 4; i++)
        {
            periph |= (read32(PeriphId0 + (ulong)(i * 4)) & 0xff) << (8 * i);
            cell |= (read32(CellId0 + (ulong)(i * 4)) & 0xff) << (8 * i);
        }

        return new PrimeCellIds(periph, cell);
    }
}

/// <summary>A PrimeCell's ids: <paramref name="PeriphId"/> (bytes PERIPHID0-3) and <paramref name="CellId"/> (PCELLID0-3).</summary>
public readonly record struct PrimeCellIds(uint PeriphId, uint CellId)
{
    /// <summary>The part number: bits 11:0 of the peripheral id (0x031 for the PL031, 0x330 for the PL330).</summary>
    public uint Part => PeriphId & 0xfff;

    /// <summary>The designer: bits 19:12 (0x41, ARM).</summary>
    public uint Designer => (PeriphId >> 12) & 0xff;

    /// <summary>The revision: bits 23:20.</summary>
    public uint Revision => (PeriphId >> 20) & 0xf;

    /// <summary>True when the cell id is the PrimeCell one.</summary>
    public bool IsPrimeCell => CellId == PrimeCell.CellId;
}
