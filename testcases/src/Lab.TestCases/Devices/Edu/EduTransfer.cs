using System.Globalization;

namespace Lab.TestCases.Devices.Edu;

/// <summary>
/// One edu round trip: <paramref name="Count"/> bytes from offset <paramref name="Source"/> of the source buffer to
/// offset <paramref name="Device"/> of edu's 4 KiB buffer, and back to offset <paramref name="Destination"/> of the
/// destination buffer.
/// </summary>
/// <param name="Source">Offset in the source RAM buffer.</param>
/// <param name="Device">Offset in edu's buffer.</param>
/// <param name="Destination">Offset in the destination RAM buffer.</param>
/// <param name="Count">Bytes moved each way.</param>
public sealed record EduTransfer(int Source, int Device, int Destination, int Count)
{
    /// <summary>
    /// Whether QEMU 7.2's edu can run it over RAM buffers of <paramref name="ramLength"/> bytes: count at least 1,
    /// offsets not negative, edu's end strictly below 4096 (reaching 4096 aborts QEMU), RAM ends inside the buffers.
    /// </summary>
    public bool FitsIn(int ramLength) =>
        Count >= 1 && Source >= 0 && Device >= 0 && Destination >= 0 &&
        Device + Count < EduDevice.BufferSize && Source + Count <= ramLength && Destination + Count <= ramLength;

    /// <inheritdoc/>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} bytes src+{1} -> edu+{2} -> dst+{3}", Count, Source, Device, Destination);
}
