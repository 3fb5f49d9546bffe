namespace Lab.Vfio.Tests.Wrappers;

public sealed class CapabilityChainTests
{
    private static byte[] Buffer(int size, params (int At, ushort Id, uint Next)[] caps)
    {
        var b = new byte[size];
        foreach (var (at, id, next) in caps)
        {
            BitConverter.GetBytes(id).CopyTo(b, at);
            BitConverter.GetBytes((ushort)1).CopyTo(b, at + 2);
            BitConverter.GetBytes(next).CopyTo(b, at + 4);
        }

        return b;
    }

    [Test]
    public void A_forward_chain_is_walked_in_order()
    {
        var caps = CapabilityChain.Walk(Buffer(64, (24, 1, 40), (40, 2, 0)), 24, 24);
        Assert.That(caps.Select(c => (c.Id, c.Offset, c.Data.Length)), Is.EqualTo(new[] { ((ushort)1, 24u, 16), ((ushort)2, 40u, 24) }));
    }

    [TestCase(24u, 24u, TestName = "A capability pointing at itself is a cycle")]
    [TestCase(40u, 24u, TestName = "A capability pointing back is a cycle")]
    public void Cycles_are_rejected(uint first, uint back)
    {
        var b = Buffer(64, (24, 1, 40), (40, 2, back));
        if (first == 24 && back == 24) { b = Buffer(64, (24, 1, 24)); }
        Assert.That(() => CapabilityChain.Walk(b, 24, 24), Throws.TypeOf<InvalidDataException>());
    }

    [TestCase(60u, TestName = "A header running past the buffer is rejected")]
    [TestCase(8u, TestName = "An offset inside the fixed struct is rejected")]
    [TestCase(26u, TestName = "A misaligned offset is rejected")]
    [TestCase(0xffffff00u, TestName = "A huge offset is rejected")]
    public void Bad_offsets_are_rejected(uint offset)
    {
        Assert.That(() => CapabilityChain.Walk(Buffer(64), offset, 24), Throws.TypeOf<InvalidDataException>().With.Message.Contains("bad offset"));
    }

    [Test]
    public void Zero_means_no_capabilities()
    {
        Assert.That(CapabilityChain.Walk(new byte[24], 0, 24), Is.Empty);
    }
}
