namespace Lab.Vfio.Interop;

/// <summary>ioctls on a group fd (<c>/dev/vfio/N</c>, <c>/dev/vfio/noiommu-N</c>).</summary>
public enum VfioGroupIoctl : uint
{
    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 3)</c>; <c>struct vfio_group_status</c>.</summary>
    VFIO_GROUP_GET_STATUS = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 3),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 4)</c>; argument: pointer to the container fd (<c>__s32</c>).</summary>
    VFIO_GROUP_SET_CONTAINER = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 4),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 5)</c>.</summary>
    VFIO_GROUP_UNSET_CONTAINER = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 5),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 6)</c>; argument: the device name (<c>char *</c>); returns a device fd.</summary>
    VFIO_GROUP_GET_DEVICE_FD = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 6),
}
