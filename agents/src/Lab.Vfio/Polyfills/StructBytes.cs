using System.Runtime.InteropServices;

namespace Lab.Vfio.Polyfills;

/// <summary>Writes a struct's bytes: <c>MemoryMarshal.Write</c> takes <c>in</c> on .NET and <c>ref</c> in net48's System.Memory.</summary>
internal static class StructBytes
{
    internal static void Write<T>(Span<byte> destination, T value)
        where T : struct
    {
#if NET
        MemoryMarshal.Write(destination, in value);
#else
        MemoryMarshal.Write(destination, ref value);
#endif
    }
}
