using Lab.TestCases.Devices.Pl330;

namespace Lab.TestCases.Tests.Pl330;

/// <summary>The PL330 driver's logic: encodings against the TRM's, configuration decoding, copy planning, and programs run by a register model.</summary>
public sealed class Pl330DriverTests
{
    [Test]
    public void The_assembler_encodes_each_instruction_as_the_trm_does()
    {
        var code = new Pl330Program()
            .Mov(Pl330MovRegister.Sar, 0x12345678).Mov(Pl330MovRegister.Ccr, 0xAABBCCDD).Mov(Pl330MovRegister.Dar, 0x40000000)
            .Loop(1, 3).Loop(0, 256).Load().Store().EndLoop().EndLoop()
            .WriteBarrier().ReadBarrier().Nop().SendEvent(5).Kill().End().ToArray();

        Assert.That(code, Is.EqualTo(new byte[]
        {
            0xBC, 0x00, 0x78, 0x56, 0x34, 0x12,
            0xBC, 0x01, 0xDD, 0xCC, 0xBB, 0xAA,
            0xBC, 0x02, 0x00, 0x00, 0x00, 0x40,
            0x22, 0x02, // DMALP LC1, 3
            0x20, 0xFF, // DMALP LC0, 256
            0x04, 0x08,
            0x38, 0x02, // DMALPEND LC0: back over LD, ST
            0x3C, 0x06, // DMALPEND LC1: back over the inner loop
            0x13, 0x12, 0x18,
            0x34, 0x28, // DMASEV 5
            0x01, 0x00,
        }));
    }

    [Test]
    public void The_assembler_refuses_what_the_controller_cannot_run()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new Pl330Program().Loop(0, 257), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new Pl330Program().Loop(0, 2).Loop(0, 2), Throws.InvalidOperationException, "one counter per open loop");
            Assert.That(() => new Pl330Program().EndLoop(), Throws.InvalidOperationException);
            Assert.That(() => new Pl330Program().Loop(0, 2).ToArray(), Throws.InvalidOperationException, "an unclosed loop");
            Assert.That(() => new Pl330Program().SendEvent(32), Throws.InstanceOf<ArgumentOutOfRangeException>());
            var p = new Pl330Program().Loop(0, 2);
            for (var i = 0; i < 43; i++) { p.Mov(Pl330MovRegister.Sar, 0); }
            Assert.That(() => p.EndLoop(), Throws.InvalidOperationException.With.Message.Contains("1-255"), "a 258-byte body is beyond DMALPEND's reach");
        });
    }

    [Test]
    public void Debug_instructions_put_the_thread_channel_and_bytes_where_dbginst0_and_1_want_them()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Pl330Debug.Go(3, 0x4000_1000), Is.EqualTo(new Pl330Debug(0x03A0_0000, 0x4000_1000)), "DMAGO by the manager: A0, channel, address");
            Assert.That(Pl330Debug.Go(0, 0x10, nonSecure: true).Inst0, Is.EqualTo(0x00A2_0000u));
            Assert.That(Pl330Debug.KillChannel(5), Is.EqualTo(new Pl330Debug(0x0001_0501, 0)), "DMAKILL by channel 5's thread");
            Assert.That(Pl330Debug.SendEvent(2), Is.EqualTo(new Pl330Debug(0x1034_0000, 0)));
        });
    }

    [TestCase(32, 32, 32, 4, 8, 4, 8, 32, "Exynos4210 PDMA0/PDMA1")]
    [TestCase(1, 31, 64, 4, 8, 4, 8, 64, "Exynos4210 MDMA")]
    [TestCase(4, 16, 64, 8, 16, 8, 16, 256, "Zynq (QEMU's defaults)")]
    public void The_configuration_registers_decode_to_what_qemu_models(
        int periph, int events, int width, int wrCap, int wrQ, int rdCap, int rdQ, int buffer, string controller)
    {
        // CR0/CR1/CRD as QEMU's pl330_realize composes them from the machine's properties (8 channels, 8 i-cache lines of 16 bytes).
        var cr0 = 1u | (7u << 4) | ((uint)(periph - 1) << 12) | ((uint)(events - 1) << 17);
        var cr1 = 4u | (7u << 4);
        var crd = (width == 32 ? 2u : 3u) | ((uint)(wrCap - 1) << 4) | ((uint)(wrQ - 1) << 8) | ((uint)(rdCap - 1) << 12) | ((uint)(rdQ - 1) << 16) | ((uint)(buffer - 1) << 20);

        var c = Pl330Config.Decode(cr0, cr1, 0, 0, 0, crd);

        Assert.That(c, Is.EqualTo(new Pl330Config(8, periph, events, false, false, 16, 8, 0, 0, 0, width, wrCap, wrQ, rdCap, rdQ, buffer)), controller);
        Assert.That(c.Describe(), Does.StartWith($"8 channels, {periph} peripheral requests, {events} events, {width}-bit data"));
    }

    [Test]
    public void A_ccr_sets_both_sides_alike_and_decodes_back()
    {
        var ccr = new Pl330Ccr(1, 16);
        Assert.Multiple(() =>
        {
            Assert.That(ccr.Encode(), Is.EqualTo(0x003C_40F1u), "SI, SB=15, DI, DB=15, byte beats");
            Assert.That(Pl330Ccr.Decode(new Pl330Ccr(4, 8, Protection: 2).Encode()), Is.EqualTo(new Pl330Ccr(4, 8, Protection: 2)));
            Assert.That(() => new Pl330Ccr(3, 1).Encode(), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void A_copy_is_cut_wherever_either_side_crosses_a_page()
    {
        ulong[] src = [0x1000, 0x9000, 0x5000];
        ulong[] dst = [0x20000, 0x7000];

        var chunks = Pl330Copy.Chunks(src, 4000, dst, 100, 5000, 4096);

        Assert.That(chunks, Is.EqualTo(new[]
        {
            new Pl330Chunk(0x1000 + 4000, 0x20000 + 100, 96),
            new Pl330Chunk(0x9000, 0x20000 + 196, 3900),
            new Pl330Chunk(0x9000 + 3900, 0x7000, 196),
            new Pl330Chunk(0x5000, 0x7000 + 196, 808),
        }));
        Assert.That(chunks.Sum(c => c.Length), Is.EqualTo(5000));
        Assert.That(() => Pl330Copy.Chunks(src, 0, dst, 0, 8193, 4096), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("destination"));
        Assert.That(() => Pl330Copy.Chunks([0x1_0000_0000], 0, dst, 0, 16, 4096), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("32-bit"));
    }

    [TestCase(1, 0, 0)]
    [TestCase(15, 3, 7)]
    [TestCase(16, 0, 0)]
    [TestCase(4096, 0, 0)]
    [TestCase(4097, 1, 4095)]
    [TestCase(65536 + 13, 2049, 17)]
    [TestCase(1 << 20, 5, 9)]
    public void Every_program_fits_a_page_and_the_model_copies_every_byte_and_signals_each_end(int length, int srcOffset, int dstOffset)
    {
        const int Page = 4096;
        var model = new Pl330Model();
        var pages = (Math.Max(srcOffset, dstOffset) + length + Page - 1) / Page;
        // Pages out of order and apart, as a locked buffer's are: the source's reversed, the destination's swapped in pairs.
        var src = Enumerable.Range(0, pages).Select(i => (ulong)(0x1000_0000 + ((pages - 1 - i) * 2 * Page))).ToList();
        var dst = Enumerable.Range(0, pages).Select(i => (ulong)(0x3000_0000 + ((i ^ 1) * 2 * Page))).ToList();
        var data = new byte[length];
        new Random(length).NextBytes(data);
        for (var i = 0; i < length; i++)
        {
            var at = srcOffset + i;
            model.Memory[(uint)(src[at / Page] + (ulong)(at % Page))] = data[i];
        }

        var programs = Pl330Copy.Programs(Pl330Copy.Chunks(src, srcOffset, dst, dstOffset, length, Page), completionEvent: 3, maxProgramBytes: Page);
        var controller = new Pl330Controller(model.Registers);
        controller.EnableInterrupts(1u << 3);
        var signalled = 0;
        for (var p = 0; p < programs.Count; p++)
        {
            var at = 0x6000_0000u + (uint)(p * 2 * Page);
            model.Put(at, programs[p].Code);
            controller.Start(2, at);
            if ((controller.PendingInterrupts & (1u << 3)) != 0) { signalled++; }
            controller.ClearInterrupts(1u << 3);
            Assert.That(controller.FaultingChannels, Is.Zero, controller.DescribeChannel(2));
        }

        var copied = new byte[length];
        for (var i = 0; i < length; i++)
        {
            var at = dstOffset + i;
            copied[i] = model.Memory.TryGetValue((uint)(dst[at / Page] + (ulong)(at % Page)), out var b) ? b : (byte)0;
        }

        Assert.Multiple(() =>
        {
            Assert.That(programs.Select(p => p.Code.Length), Has.All.LessThanOrEqualTo(Page));
            Assert.That(programs.Sum(p => p.Bytes), Is.EqualTo(length));
            Assert.That(signalled, Is.EqualTo(programs.Count), "each program's end is its completion event's interrupt");
            Assert.That(copied, Is.EqualTo(data), "dst == src, byte for byte");
            Assert.That(controller.PendingInterrupts, Is.Zero, "INTCLR cleared them");
        });
    }

    [Test]
    public void An_undefined_instruction_faults_the_channel_and_dmakill_recovers_it()
    {
        var model = new Pl330Model();
        var controller = new Pl330Controller(model.Registers);
        model.Put(0x1000, new Pl330Program().Nop().Raw(0xFF).End().ToArray());

        controller.Start(4, 0x1000);
        var faulting = controller.FaultingChannels;
        var type = controller.ChannelFaultType(4);
        var described = controller.DescribeChannel(4);
        controller.Kill(4);

        Assert.Multiple(() =>
        {
            Assert.That(faulting, Is.EqualTo(1u << 4));
            Assert.That(Pl330Faults.Describe(type), Is.EqualTo("UNDEF_INSTR"));
            Assert.That(described, Does.Contain("channel 4: faulting").And.Contain("fault UNDEF_INSTR"));
            Assert.That(controller.FaultingChannels, Is.Zero, "DMAKILL ended the fault");
            Assert.That(Pl330Faults.State(controller.ChannelStatus(4)), Is.EqualTo("stopped"));
            Assert.That(Pl330Faults.Describe(Pl330Faults.UndefInstr | Pl330Faults.DebugInstruction | (1u << 25)), Is.EqualTo("UNDEF_INSTR|DBG_INSTR|0x2000000"));
        });
    }

    [Test]
    public void The_primecell_ids_name_the_pl330()
    {
        var ids = new Pl330Controller(new Pl330Model().Registers).Ids;

        Assert.That((ids.PeriphId, ids.Part, ids.Designer, ids.Revision, ids.IsPrimeCell), Is.EqualTo((0x00241330u, Pl330Registers.Part, 0x41u, 2u, true)));
    }
}
