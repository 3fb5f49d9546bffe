namespace Lab.Vfio.Interop;

/// <summary>A device fd: takes <see cref="VfioDeviceIoctl"/>, pread/pwrite and mmap at region offsets.</summary>
public sealed class DeviceFd : FdHandle
{
}
