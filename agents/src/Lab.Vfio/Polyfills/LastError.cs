using System.Runtime.InteropServices;

namespace Lab.Vfio.Polyfills;

/// <summary>The errno a <c>SetLastError = true</c> P/Invoke saw; the one place the two runtimes differ.</summary>
internal static class LastError
{
    /// <summary>Reads errno right after the call.</summary>
    internal static int Get() =>
#if NET
        Marshal.GetLastPInvokeError();
#else
        Marshal.GetLastWin32Error();
#endif
}
