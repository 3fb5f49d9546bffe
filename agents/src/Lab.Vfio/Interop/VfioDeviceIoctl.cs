namespace Lab.Vfio.Interop;

/// <summary>ioctls on a device fd (from <see cref="VfioGroupIoctl.VFIO_GROUP_GET_DEVICE_FD"/>).</summary>
public enum VfioDeviceIoctl : uint
{
    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 7)</c>; <c>struct vfio_device_info</c>.</summary>
    VFIO_DEVICE_GET_INFO = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 7),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 8)</c>; <c>struct vfio_region_info</c>.</summary>
    VFIO_DEVICE_GET_REGION_INFO = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 8),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 9)</c>; <c>struct vfio_irq_info</c>.</summary>
    VFIO_DEVICE_GET_IRQ_INFO = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 9),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 10)</c>; <c>struct vfio_irq_set</c> + data.</summary>
    VFIO_DEVICE_SET_IRQS = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 10),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 11)</c>.</summary>
    VFIO_DEVICE_RESET = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 11),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 12)</c>; <c>struct vfio_pci_hot_reset_info</c>.</summary>
    VFIO_DEVICE_GET_PCI_HOT_RESET_INFO = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 12),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 13)</c>; <c>struct vfio_pci_hot_reset</c>.</summary>
    VFIO_DEVICE_PCI_HOT_RESET = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 13),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 14)</c>; <c>struct vfio_device_gfx_plane_info</c>.</summary>
    VFIO_DEVICE_QUERY_GFX_PLANE = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 14),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 15)</c>.</summary>
    VFIO_DEVICE_GET_GFX_DMABUF = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 15),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 16)</c>; <c>struct vfio_device_ioeventfd</c>.</summary>
    VFIO_DEVICE_IOEVENTFD = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 16),

    /// <summary><c>_IO(VFIO_TYPE, VFIO_BASE + 17)</c>; <c>struct vfio_device_feature</c>.</summary>
    VFIO_DEVICE_FEATURE = Ioc.VfioIo | (VfioConstants.VFIO_BASE + 17),
}
