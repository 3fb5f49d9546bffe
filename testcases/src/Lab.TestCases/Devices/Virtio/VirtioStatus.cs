namespace Lab.TestCases.Devices.Virtio;

/// <summary>Device status bits (virtio spec 1.0, 2.1) and the interrupt status bits of virtio-mmio.</summary>
public static class VirtioStatus
{
    /// <summary>The guest noticed the device.</summary>
    public const uint Acknowledge = 1;

    /// <summary>The guest knows how to drive it.</summary>
    public const uint Driver = 2;

    /// <summary>The driver is ready.</summary>
    public const uint DriverOk = 4;

    /// <summary>The device needs a reset.</summary>
    public const uint NeedsReset = 64;

    /// <summary>The driver gave up.</summary>
    public const uint Failed = 128;

    /// <summary>InterruptStatus bit: the device used a buffer.</summary>
    public const uint InterruptUsedBuffer = 1;

    /// <summary>InterruptStatus bit: the config space changed.</summary>
    public const uint InterruptConfigChange = 2;
}
