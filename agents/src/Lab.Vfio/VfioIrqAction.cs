using Lab.Vfio.Interop;

namespace Lab.Vfio;

/// <summary>The <c>VFIO_IRQ_SET_ACTION_*</c> of a <c>VFIO_DEVICE_SET_IRQS</c> call.</summary>
public enum VfioIrqAction
{
    /// <summary><c>VFIO_IRQ_SET_ACTION_MASK</c>.</summary>
    Mask = (int)VfioConstants.VFIO_IRQ_SET_ACTION_MASK,

    /// <summary><c>VFIO_IRQ_SET_ACTION_UNMASK</c>.</summary>
    Unmask = (int)VfioConstants.VFIO_IRQ_SET_ACTION_UNMASK,

    /// <summary><c>VFIO_IRQ_SET_ACTION_TRIGGER</c>.</summary>
    Trigger = (int)VfioConstants.VFIO_IRQ_SET_ACTION_TRIGGER,
}
