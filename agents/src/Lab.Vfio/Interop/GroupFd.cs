namespace Lab.Vfio.Interop;

/// <summary>A group fd (<c>/dev/vfio/N</c>): takes <see cref="VfioGroupIoctl"/>.</summary>
public sealed class GroupFd : FdHandle
{
}
