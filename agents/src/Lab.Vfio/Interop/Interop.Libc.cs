namespace Lab.Vfio.Interop;

/// <summary>
/// Blittable P/Invokes into glibc, one partial file per syscall family. NOTE: <c>[DllImport]</c>, not
/// <c>[LibraryImport]</c>: the armv7 agent is a net48 build under Mono, whose dllmap sends <c>libc</c> to
/// <c>libc.so.6</c>; every signature is blittable, so NativeAOT needs no marshalling stubs, and the AOT build
/// binds them at link time (<c>DirectPInvoke</c>). The <c>*64</c> entry points take a 64-bit <c>off_t</c> on
/// armv7 too: region offsets are <c>index &lt;&lt; 40</c>.
/// </summary>
internal static partial class Libc
{
    /// <summary>The library name every P/Invoke here uses.</summary>
    internal const string Name = "libc";
}
