namespace Lab.TestCases.Devices.Pl330;

/// <summary>The fault type bits of FTRD (manager) and FTRn (channel n) (ARM DDI 0424 3.3.5-3.3.6), and the thread states.</summary>
public static class Pl330Faults
{
    /// <summary>An undefined instruction.</summary>
    public const uint UndefInstr = 1u << 0;

    /// <summary>An instruction operand that is not valid for the configuration.</summary>
    public const uint OperandInvalid = 1u << 1;

    /// <summary>Manager: DMAGO to a channel in the wrong security state.</summary>
    public const uint DmaGoError = 1u << 4;

    /// <summary>An event or interrupt the thread's security state does not allow.</summary>
    public const uint EventError = 1u << 5;

    /// <summary>A peripheral request the thread's security state does not allow.</summary>
    public const uint PeripheralError = 1u << 6;

    /// <summary>A read or write the CCR's protection does not allow.</summary>
    public const uint ReadWriteError = 1u << 7;

    /// <summary>The MFIFO could not take a DMALD.</summary>
    public const uint MfifoError = 1u << 12;

    /// <summary>A DMAST with not enough data in the MFIFO.</summary>
    public const uint StoreDataUnavailable = 1u << 13;

    /// <summary>An instruction fetch got an AXI error.</summary>
    public const uint InstructionFetchError = 1u << 16;

    /// <summary>A data write got an AXI error.</summary>
    public const uint DataWriteError = 1u << 17;

    /// <summary>A data read got an AXI error.</summary>
    public const uint DataReadError = 1u << 18;

    /// <summary>The faulting instruction came through the debug interface.</summary>
    public const uint DebugInstruction = 1u << 30;

    /// <summary>The channel locked up (it could not make progress).</summary>
    public const uint Lockup = 1u << 31;

    private static readonly (uint Bit, string Name)[] s_names =
    [
        (UndefInstr, "UNDEF_INSTR"), (OperandInvalid, "OPERAND_INVALID"), (DmaGoError, "DMAGO_ERR"), (EventError, "EVNT_ERR"),
        (PeripheralError, "PERIPH_ERR"), (ReadWriteError, "RDWR_ERR"), (MfifoError, "MFIFO_ERR"), (StoreDataUnavailable, "ST_DATA_UNAVAILABLE"),
        (InstructionFetchError, "INSTR_FETCH_ERR"), (DataWriteError, "DATA_WRITE_ERR"), (DataReadError, "DATA_READ_ERR"),
        (DebugInstruction, "DBG_INSTR"), (Lockup, "LOCKUP_ERR"),
    ];

    /// <summary>The names of the bits set in a fault type, <c>|</c>-joined; <c>none</c> for 0, unknown bits as hex.</summary>
    public static string Describe(uint faultType)
    {
        if (faultType == 0) { return "none"; }
        var names = s_names.Where(n => (faultType & n.Bit) != 0).Select(n => n.Name).ToList();
        var unknown = faultType & ~s_names.Aggregate(0u, (acc, n) => acc | n.Bit);
        if (unknown != 0) { names.Add("0x" + unknown.ToString("x", System.Globalization.CultureInfo.InvariantCulture)); }
        return string.Join("|", names);
    }

    /// <summary>The name of a thread state (DSR or CSRn bits 3:0).</summary>
    public static string State(uint status) => (status & 0xf) switch
    {
        0 => "stopped",
        1 => "executing",
        2 => "cache miss",
        3 => "updating PC",
        4 => "waiting for event",
        5 => "at barrier",
        6 => "queue busy",
        7 => "waiting for peripheral",
        8 => "killing",
        9 => "completing",
        14 => "faulting completing",
        15 => "faulting",
        var s => "state " + s.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
