using System.Runtime.InteropServices;

using Lab.Vfio.Polyfills;

namespace Lab.Vfio;

/// <summary>
/// The argsz protocol of the VFIO info ioctls: allocate the newest layout, set argsz, call; when the kernel
/// answers with a larger argsz (capabilities did not fit), allocate that much and ask again.
/// </summary>
internal static unsafe class InfoQuery
{
    /// <summary>The most the lab will allocate for one info buffer; a kernel asking more is treated as broken.</summary>
    internal const int MaxArgsz = 1 << 20;

    private const int MaxAttempts = 4;

    /// <summary>
    /// Runs the loop. <paramref name="input"/> carries the input fields of the fixed struct (argsz is set here);
    /// <paramref name="ioctl"/> gets the buffer address. Returns 0 and the final buffer, or -errno.
    /// </summary>
    internal static int Run<T>(T input, Func<nint, int> ioctl, out byte[] buffer)
        where T : struct
    {
        var size = Marshal.SizeOf<T>();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            buffer = new byte[size];
            StructBytes.Write(buffer, input);
            BitConverterLe.WriteUInt32(buffer, 0, (uint)size);
            int r;
            // SAFETY: buffer is pinned for the call and is argsz bytes long, which is all the kernel may write.
            fixed (byte* p = buffer)
            {
                r = ioctl((nint)p);
            }

            if (r < 0) { return r; }
            var wanted = BitConverterLe.ReadUInt32(buffer, 0);
            if (wanted <= size) { return 0; }
            if (wanted > MaxArgsz) { return -Errno.E2BIG; }
            size = (int)wanted;
        }

        buffer = [];
        return -Errno.EOVERFLOW;
    }
}
