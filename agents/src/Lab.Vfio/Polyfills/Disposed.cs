namespace Lab.Vfio.Polyfills;

/// <summary><c>ObjectDisposedException.ThrowIf</c>, which net48 lacks.</summary>
internal static class Disposed
{
    internal static void ThrowIf(bool condition, object instance)
    {
#if NET
        ObjectDisposedException.ThrowIf(condition, instance);
#else
        if (condition) { throw new ObjectDisposedException(instance.GetType().Name); }
#endif
    }
}
