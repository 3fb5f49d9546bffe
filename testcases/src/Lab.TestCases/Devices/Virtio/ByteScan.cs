namespace Lab.TestCases.Devices.Virtio;

/// <summary>Byte searches net48 lacks (<c>IndexOfAnyExcept</c> is .NET 8+).</summary>
public static class ByteScan
{
    /// <summary>The index of the first byte of <paramref name="span"/> that is not <paramref name="value"/>, or -1.</summary>
    public static int FirstNot(ReadOnlySpan<byte> span, byte value)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] != value) { return i; }
        }

        return -1;
    }
}
