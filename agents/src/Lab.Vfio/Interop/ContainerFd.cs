namespace Lab.Vfio.Interop;

/// <summary>A container fd (<c>/dev/vfio/vfio</c>): takes <see cref="VfioContainerIoctl"/>.</summary>
public sealed class ContainerFd : FdHandle
{
}
