namespace Lab.Vfio.Interop;

/// <summary>An eventfd.</summary>
public sealed class EventFdHandle : FdHandle
{
}
