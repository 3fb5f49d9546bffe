namespace Lab.Vfio.Interop;

/// <summary>
/// Marks a struct field or constant that is newer than the oldest uAPI header the lab builds against
/// (Debian 12's 6.1). The layout tests accept it missing from that header; present, it must match.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class KernelSinceAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public KernelSinceAttribute(string version) => Version = version;

    /// <summary>The first kernel version whose uAPI header has the member.</summary>
    public string Version { get; }
}
