using Lab.TestCases.Devices;
using Lab.TestCases.Devices.Pl330;

namespace Lab.TestCases.Tests.Pl330;

/// <summary>
/// A register-level model of a PL330 for unit tests of the driver's logic (the board runs QEMU's): memory by physical
/// address, the debug interface (DMAGO by the manager, DMAKILL by a channel), channels executing the instructions the
/// lab's programs use with CCR bursts, events into INTEN/INTMIS, and faults (undefined instruction) into FSRC/FTRn.
/// </summary>
internal sealed class Pl330Model
{
    private readonly uint[] _cfg;
    private readonly uint[] _sar = new uint[8], _dar = new uint[8], _ccr = new uint[8], _pc = new uint[8], _ftr = new uint[8], _state = new uint[8];
    private uint _dbg0, _dbg1, _inten, _intmis, _ris;

    public Pl330Model(int events = 32, int channels = 8)
    {
        _cfg = [1u | ((uint)(channels - 1) << 4) | (31u << 12) | ((uint)(events - 1) << 17), 0x72, 0, 0, 0, 0x2 | (3u << 4) | (7u << 8) | (3u << 12) | (7u << 16) | (31u << 20)];
        Registers = new RegisterWindow(Read, Write, "model");
    }

    public Dictionary<uint, byte> Memory { get; } = [];

    public RegisterWindow Registers { get; }

    public int InstructionsExecuted { get; private set; }

    public void Put(uint address, ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++) { Memory[address + (uint)i] = bytes[i]; }
    }

    public byte[] Get(uint address, int length) =>
        Enumerable.Range(0, length).Select(i => Memory.TryGetValue(address + (uint)i, out var b) ? b : (byte)0).ToArray();

    private uint Read(ulong offset) => offset switch
    {
        Pl330Registers.Inten => _inten,
        Pl330Registers.IntEventRis => _ris,
        Pl330Registers.IntMis => _intmis,
        Pl330Registers.Fsrc => (uint)Enumerable.Range(0, 8).Where(c => _state[c] == 15).Sum(c => 1 << c),
        Pl330Registers.Fsrd => 0,
        Pl330Registers.DbgStatus => 0,
        >= Pl330Registers.Cr0 and <= Pl330Registers.Crd => _cfg[(offset - Pl330Registers.Cr0) / 4],
        >= 0xFE0 and < 0x1000 => new uint[] { 0x30, 0x13, 0x24, 0x00, 0x0D, 0xF0, 0x05, 0xB1 }[(offset - 0xFE0) / 4],
        >= 0x040 and < 0x060 => _ftr[(offset - 0x040) / 4],
        >= 0x100 and < 0x140 => (offset & 4) == 0 ? _state[(offset - 0x100) / 8] : _pc[(offset - 0x100) / 8],
        _ => 0,
    };

    private void Write(ulong offset, uint value)
    {
        switch (offset)
        {
            case Pl330Registers.Inten: _inten = value; break;
            case Pl330Registers.IntClr: _intmis &= ~(value & _inten); _ris &= ~(value & _inten); break;
            case Pl330Registers.DbgInst0: _dbg0 = value; break;
            case Pl330Registers.DbgInst1: _dbg1 = value; break;
            case Pl330Registers.DbgCmd: Debug(); break;
            default: break;
        }
    }

    private void Debug()
    {
        var opcode = (_dbg0 >> 16) & 0xff;
        var byChannel = (_dbg0 & 1) != 0;
        if (!byChannel && (opcode & 0xFD) == 0xA0)
        {
            var ch = (int)(_dbg0 >> 24) & 7;
            _pc[ch] = _dbg1;
            _state[ch] = 1;
            Run(ch);
        }
        else if (byChannel && opcode == 0x01)
        {
            var ch = (int)(_dbg0 >> 8) & 7;
            _state[ch] = 0;
            _ftr[ch] = 0;
        }
    }

    private void Run(int ch)
    {
        var loopCount = new int[2];
        while (_state[ch] == 1)
        {
            InstructionsExecuted++;
            var pc = _pc[ch];
            var op = Byte(pc);
            switch (op)
            {
                case 0x00: _state[ch] = 0; return;
                case 0xBC:
                    var value = BitConverter.ToUInt32(Get(pc + 2, 4), 0);
                    switch (Byte(pc + 1)) { case 0: _sar[ch] = value; break; case 1: _ccr[ch] = value; break; case 2: _dar[ch] = value; break; default: Fault(ch, 2); return; }
                    _pc[ch] += 6;
                    break;
                case 0x20 or 0x22: loopCount[(op >> 1) & 1] = Byte(pc + 1); _pc[ch] += 2; break;
                case 0x38 or 0x3C:
                    var lc = (op >> 2) & 1;
                    if (loopCount[lc] > 0) { loopCount[lc]--; _pc[ch] = pc - Byte(pc + 1); } else { _pc[ch] += 2; }
                    break;
                case 0x04 or 0x08: Transfer(ch, op == 0x04); _pc[ch] += 1; break;
                case 0x12 or 0x13 or 0x18: _pc[ch] += 1; break;
                case 0x34:
                    var ev = Byte(pc + 1) >> 3;
                    _ris |= 1u << ev;
                    if ((_inten & (1u << ev)) != 0) { _intmis |= 1u << ev; }
                    _pc[ch] += 2;
                    break;
                default: Fault(ch, Pl330Faults.UndefInstr); return;
            }
        }
    }

    private readonly Queue<byte> _fifo = new();

    private void Transfer(int ch, bool load)
    {
        var ccr = Pl330Ccr.Decode(_ccr[ch]);
        var n = ccr.BurstBytes;
        if (load)
        {
            foreach (var b in Get(_sar[ch], n)) { _fifo.Enqueue(b); }
            _sar[ch] += ccr.Increment ? (uint)n : 0;
        }
        else
        {
            for (var i = 0; i < n; i++) { Memory[_dar[ch] + (uint)i] = _fifo.Dequeue(); }
            _dar[ch] += ccr.Increment ? (uint)n : 0;
        }
    }

    private void Fault(int ch, uint type)
    {
        _state[ch] = 15;
        _ftr[ch] = type;
    }

    private byte Byte(uint address) => Memory.TryGetValue(address, out var b) ? b : (byte)0xFF;
}
