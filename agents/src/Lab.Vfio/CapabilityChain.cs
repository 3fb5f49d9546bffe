using System.Runtime.InteropServices;
using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>
/// Walks a VFIO capability chain (<c>struct vfio_info_cap_header</c>, <c>next</c> offsets from the start of
/// the info buffer). The kernel only appends, so a well-formed chain moves forward; a chain that points back,
/// outside the buffer, into the fixed part or at a misaligned header is rejected rather than followed.
/// </summary>
public static class CapabilityChain
{
    /// <summary>Returns the capabilities starting at <paramref name="firstOffset"/> (0: none).</summary>
    /// <exception cref="InvalidDataException">The chain is malformed.</exception>
    public static IReadOnlyList<VfioCapability> Walk(byte[] buffer, uint firstOffset, int fixedSize)
    {
        if (buffer is null) { throw new ArgumentNullException(nameof(buffer)); }
        var caps = new List<VfioCapability>();
        var headerSize = Marshal.SizeOf<vfio_info_cap_header>();
        var offset = firstOffset;
        long previous = -1;
        while (offset != 0)
        {
            if (offset < fixedSize || offset <= previous || offset % 4 != 0 || (long)offset + headerSize > buffer.Length)
            {
                throw new InvalidDataException(
                    "capability chain: bad offset 0x" + offset.ToString("x", System.Globalization.CultureInfo.InvariantCulture) +
                    " (previous " + previous.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", buffer " +
                    buffer.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes)");
            }

            var header = MemoryMarshal.Read<vfio_info_cap_header>(buffer.AsSpan((int)offset));
            var end = header.next != 0 && header.next > offset && header.next <= buffer.Length ? header.next : (uint)buffer.Length;
            caps.Add(new VfioCapability(header.id, header.version, offset, buffer.AsSpan((int)offset, (int)(end - offset)).ToArray()));
            previous = offset;
            offset = header.next;
        }

        return caps;
    }

    /// <summary>Reads a capability's fixed struct (header included).</summary>
    public static T Read<T>(VfioCapability capability)
        where T : struct
    {
        if (capability is null) { throw new ArgumentNullException(nameof(capability)); }
        if (capability.Data.Length < Marshal.SizeOf<T>())
        {
            throw new InvalidDataException("capability " + capability.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + " shorter than " + typeof(T).Name);
        }

        return MemoryMarshal.Read<T>(capability.Data);
    }

    /// <summary>Reads the <paramref name="count"/> array elements that follow a capability's fixed struct.</summary>
    public static IReadOnlyList<TElement> ReadArray<TFixed, TElement>(VfioCapability capability, uint count)
        where TFixed : struct
        where TElement : struct
    {
        if (capability is null) { throw new ArgumentNullException(nameof(capability)); }
        var start = Marshal.SizeOf<TFixed>();
        var size = Marshal.SizeOf<TElement>();
        if ((long)start + ((long)count * size) > capability.Data.Length)
        {
            throw new InvalidDataException("capability " + capability.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " +
                count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " elements do not fit");
        }

        var list = new List<TElement>((int)count);
        for (var i = 0; i < count; i++)
        {
            list.Add(MemoryMarshal.Read<TElement>(capability.Data.AsSpan(start + (i * size))));
        }

        return list;
    }
}
