namespace Lab.Vfio.Interop;

/// <summary>Any other file (<c>/proc/self/pagemap</c>, <c>/dev/kmsg</c>).</summary>
public sealed class FileFd : FdHandle
{
}
