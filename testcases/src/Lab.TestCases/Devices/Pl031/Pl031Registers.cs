namespace Lab.TestCases.Devices.Pl031;

/// <summary>The PL031 real-time clock's registers (ARM DDI 0224), byte offsets in its 4 KiB region.</summary>
public static class Pl031Registers
{
    /// <summary>Data: the counter, seconds.</summary>
    public const ulong Dr = 0x00;

    /// <summary>Match: the interrupt is raised when the counter reaches it.</summary>
    public const ulong Mr = 0x04;

    /// <summary>Interrupt mask set/clear: 1 lets the match interrupt out.</summary>
    public const ulong Imsc = 0x10;

    /// <summary>Raw interrupt status.</summary>
    public const ulong Ris = 0x14;

    /// <summary>Masked interrupt status.</summary>
    public const ulong Mis = 0x18;

    /// <summary>Interrupt clear (write 1).</summary>
    public const ulong Icr = 0x1C;

    /// <summary>The PL031's part number in its PrimeCell peripheral id.</summary>
    public const uint Part = 0x031;

    /// <summary>True when the low byte of PERIPHID0 names the PL031 (0x31).</summary>
    public static bool IsPl031(uint periphId0) => (periphId0 & 0xff) == (Part & 0xff);
}
