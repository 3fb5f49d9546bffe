namespace Lab.Vfio;

/// <summary>Little-endian field access in byte buffers (BinaryPrimitives is not in net48's box without a package).</summary>
internal static class BitConverterLe
{
    internal static uint ReadUInt32(byte[] b, int offset) =>
        (uint)(b[offset] | (b[offset + 1] << 8) | (b[offset + 2] << 16) | (b[offset + 3] << 24));

    internal static void WriteUInt32(byte[] b, int offset, uint value)
    {
        b[offset] = (byte)value;
        b[offset + 1] = (byte)(value >> 8);
        b[offset + 2] = (byte)(value >> 16);
        b[offset + 3] = (byte)(value >> 24);
    }
}
