using System.Globalization;
using System.Runtime.InteropServices;
using Lab.Vfio.Interop;

using Lab.Vfio.Polyfills;

namespace Lab.Vfio;

/// <summary>A VFIO device fd: info, regions, IRQs and reset.</summary>
public sealed unsafe class VfioDevice : IDisposable
{
    /// <summary>SET_IRQS arguments up to this many bytes are laid out on the stack.</summary>
    private const int StackArgument = 256;

    internal VfioDevice(IVfioSyscalls syscalls, DeviceFd handle, string name)
    {
        Syscalls = syscalls;
        Handle = handle;
        Name = name;
    }

    /// <summary>The syscall layer this device uses.</summary>
    public IVfioSyscalls Syscalls { get; }

    /// <summary>The device name it was opened by.</summary>
    public string Name { get; }

    internal DeviceFd Handle { get; }

    /// <summary><c>VFIO_DEVICE_GET_INFO</c>, re-querying with the argsz the kernel asks for.</summary>
    public VfioDeviceInfo GetInfo()
    {
        var errno = TryGetInfo(out var info);
        return errno == 0 ? info! : throw new VfioException(nameof(VfioDeviceIoctl.VFIO_DEVICE_GET_INFO), errno, Name);
    }

    /// <summary><c>VFIO_DEVICE_GET_INFO</c>; returns 0 or the errno.</summary>
    public int TryGetInfo(out VfioDeviceInfo? info)
    {
        info = null;
        var r = InfoQuery.Run(default(vfio_device_info), arg => Syscalls.Ioctl(Handle, VfioDeviceIoctl.VFIO_DEVICE_GET_INFO, arg), out var buffer);
        if (r < 0) { return -r; }
        var raw = MemoryMarshal.Read<vfio_device_info>(buffer);
        // NOTE: a 4.x-5.x kernel fills 16 or 20 bytes; cap_offset is only meaningful with VFIO_DEVICE_FLAGS_CAPS.
        var caps = (raw.flags & VfioConstants.VFIO_DEVICE_FLAGS_CAPS) != 0
            ? CapabilityChain.Walk(buffer, raw.cap_offset, (int)Marshal.OffsetOf<vfio_device_info>(nameof(vfio_device_info.cap_offset)) + 4)
            : [];
        info = new VfioDeviceInfo(raw.flags, raw.num_regions, raw.num_irqs, caps);
        return 0;
    }

    /// <summary>
    /// Any ioctl request on the device fd with a raw argument, for negative tests (unknown requests, short argsz);
    /// returns 0 or the errno.
    /// </summary>
    public int TryIoctl(VfioDeviceIoctl request, nint arg) => -Math.Min(Syscalls.Ioctl(Handle, request, arg), 0);

    /// <summary><c>VFIO_DEVICE_GET_REGION_INFO</c> for <paramref name="index"/>.</summary>
    public VfioRegionInfo GetRegionInfo(uint index)
    {
        var errno = TryGetRegionInfo(index, out var info);
        return errno == 0 ? info! : throw new VfioException(nameof(VfioDeviceIoctl.VFIO_DEVICE_GET_REGION_INFO), errno, "index=" + index.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary><c>VFIO_DEVICE_GET_REGION_INFO</c>; returns 0 or the errno.</summary>
    public int TryGetRegionInfo(uint index, out VfioRegionInfo? info)
    {
        info = null;
        var input = new vfio_region_info { index = index };
        var r = InfoQuery.Run(input, arg => Syscalls.Ioctl(Handle, VfioDeviceIoctl.VFIO_DEVICE_GET_REGION_INFO, arg), out var buffer);
        if (r < 0) { return -r; }
        var raw = MemoryMarshal.Read<vfio_region_info>(buffer);
        var caps = (raw.flags & VfioConstants.VFIO_REGION_INFO_FLAG_CAPS) != 0
            ? CapabilityChain.Walk(buffer, raw.cap_offset, Marshal.SizeOf<vfio_region_info>())
            : [];
        IReadOnlyList<VfioSparseArea>? sparse = null;
        VfioRegionType? type = null;
        var msix = false;
        foreach (var cap in caps)
        {
            switch (cap.Id)
            {
                case (ushort)VfioConstants.VFIO_REGION_INFO_CAP_SPARSE_MMAP:
                    var head = CapabilityChain.Read<vfio_region_info_cap_sparse_mmap>(cap);
                    sparse = CapabilityChain.ReadArray<vfio_region_info_cap_sparse_mmap, vfio_region_sparse_mmap_area>(cap, head.nr_areas)
                        .Select(a => new VfioSparseArea(a.offset, a.size)).ToList();
                    break;
                case (ushort)VfioConstants.VFIO_REGION_INFO_CAP_TYPE:
                    var t = CapabilityChain.Read<vfio_region_info_cap_type>(cap);
                    type = new VfioRegionType(t.type, t.subtype);
                    break;
                case (ushort)VfioConstants.VFIO_REGION_INFO_CAP_MSIX_MAPPABLE:
                    msix = true;
                    break;
                default:
                    break;
            }
        }

        info = new VfioRegionInfo(raw.index, raw.flags, raw.size, raw.offset, caps) { SparseMmapAreas = sparse, RegionType = type, MsixMappable = msix };
        return 0;
    }

    /// <summary><c>VFIO_DEVICE_GET_IRQ_INFO</c> for <paramref name="index"/>.</summary>
    public VfioIrqInfo GetIrqInfo(uint index)
    {
        var errno = TryGetIrqInfo(index, out var info);
        return errno == 0 ? info! : throw new VfioException(nameof(VfioDeviceIoctl.VFIO_DEVICE_GET_IRQ_INFO), errno, "index=" + index.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary><c>VFIO_DEVICE_GET_IRQ_INFO</c>; returns 0 or the errno.</summary>
    public int TryGetIrqInfo(uint index, out VfioIrqInfo? info)
    {
        var raw = new vfio_irq_info { argsz = (uint)sizeof(vfio_irq_info), index = index };
        // SAFETY: raw is a local that outlives the synchronous ioctl.
        var r = Syscalls.Ioctl(Handle, VfioDeviceIoctl.VFIO_DEVICE_GET_IRQ_INFO, (nint)(&raw));
        info = r < 0 ? null : new VfioIrqInfo(raw.index, raw.flags, raw.count);
        return -Math.Min(r, 0);
    }

    /// <summary><c>VFIO_DEVICE_SET_IRQS</c> with <c>DATA_NONE</c> (e.g. unmask, or trigger count 0 to disable).</summary>
    public void SetIrqsNone(uint index, VfioIrqAction action, uint start = 0, uint count = 1) =>
        ThrowIrq(TrySetIrqsNone(index, action, start, count), index, action);

    /// <summary><c>VFIO_DEVICE_SET_IRQS</c> with <c>DATA_NONE</c>; returns 0 or the errno.</summary>
    public int TrySetIrqsNone(uint index, VfioIrqAction action, uint start = 0, uint count = 1) =>
        TrySetIrqsRaw(VfioConstants.VFIO_IRQ_SET_DATA_NONE | (uint)action, index, start, count, default);

    /// <summary><c>VFIO_DEVICE_SET_IRQS</c> with <c>DATA_BOOL</c>: one <c>__u8</c> per sub-index.</summary>
    public void SetIrqsBool(uint index, VfioIrqAction action, uint start, IReadOnlyList<bool> values) =>
        ThrowIrq(TrySetIrqsBool(index, action, start, values), index, action);

    /// <summary><c>VFIO_DEVICE_SET_IRQS</c> with <c>DATA_BOOL</c>; returns 0 or the errno.</summary>
    public int TrySetIrqsBool(uint index, VfioIrqAction action, uint start, IReadOnlyList<bool> values)
    {
        if (values is null) { throw new ArgumentNullException(nameof(values)); }
        var data = values.Count <= StackArgument ? stackalloc byte[values.Count] : new byte[values.Count];
        for (var i = 0; i < values.Count; i++) { data[i] = values[i] ? (byte)1 : (byte)0; }
        return TrySetIrqsRaw(VfioConstants.VFIO_IRQ_SET_DATA_BOOL | (uint)action, index, start, (uint)data.Length, data);
    }

    /// <summary>
    /// <c>VFIO_DEVICE_SET_IRQS</c> with <c>DATA_EVENTFD</c>: one <c>__s32</c> per sub-index; null stands for -1
    /// (de-assign).
    /// </summary>
    public void SetIrqsEventfd(uint index, VfioIrqAction action, uint start, IReadOnlyList<Eventfd?> eventfds) =>
        ThrowIrq(TrySetIrqsEventfd(index, action, start, eventfds), index, action);

    /// <summary><c>VFIO_DEVICE_SET_IRQS</c> with <c>DATA_EVENTFD</c>; returns 0 or the errno.</summary>
    public int TrySetIrqsEventfd(uint index, VfioIrqAction action, uint start, IReadOnlyList<Eventfd?> eventfds)
    {
        if (eventfds is null) { throw new ArgumentNullException(nameof(eventfds)); }
        var leases = new List<FdLease>();
        try
        {
            var data = new byte[eventfds.Count * sizeof(int)];
            for (var i = 0; i < eventfds.Count; i++)
            {
                var fd = -1;
                if (eventfds[i] is { } e)
                {
                    var lease = new FdLease(e.Handle);
                    leases.Add(lease);
                    fd = lease.Fd;
                }

                StructBytes.Write(data.AsSpan(i * sizeof(int)), fd);
            }

            return TrySetIrqsRaw(VfioConstants.VFIO_IRQ_SET_DATA_EVENTFD | (uint)action, index, start, (uint)eventfds.Count, data);
        }
        finally
        {
            foreach (var lease in leases) { lease.Dispose(); }
        }
    }

    /// <summary>Disables every trigger of <paramref name="index"/> (<c>DATA_NONE | ACTION_TRIGGER</c>, count 0).</summary>
    public void DisableIrqs(uint index) => SetIrqsNone(index, VfioIrqAction.Trigger, 0, 0);

    /// <summary>
    /// <c>VFIO_DEVICE_SET_IRQS</c> with any flags and data, argsz = header + data: for negative tests. Returns 0
    /// or the errno.
    /// </summary>
    public int TrySetIrqsRaw(uint flags, uint index, uint start, uint count, ReadOnlySpan<byte> data)
    {
        // The IRQ hot path (trigger, unmask: no data) lays the argument out on the stack: nothing allocated.
        var length = IrqSetBuffer.HeaderSize + data.Length;
        var buffer = length <= StackArgument ? stackalloc byte[length] : new byte[length];
        IrqSetBuffer.Write(buffer, flags, index, start, count, data);
        // SAFETY: buffer is fixed for the call and exactly argsz bytes long.
        fixed (byte* p = buffer)
        {
            return -Math.Min(Syscalls.Ioctl(Handle, VfioDeviceIoctl.VFIO_DEVICE_SET_IRQS, (nint)p), 0);
        }
    }

    /// <summary><c>VFIO_DEVICE_RESET</c>.</summary>
    public void Reset()
    {
        var errno = TryReset();
        if (errno != 0) { throw new VfioException(nameof(VfioDeviceIoctl.VFIO_DEVICE_RESET), errno, Name); }
    }

    /// <summary><c>VFIO_DEVICE_RESET</c>; returns 0 or the errno.</summary>
    public int TryReset() => -Math.Min(Syscalls.Ioctl(Handle, VfioDeviceIoctl.VFIO_DEVICE_RESET, 0), 0);

    /// <summary>
    /// <c>VFIO_DEVICE_FEATURE</c> with <paramref name="flags"/> (feature index | <c>VFIO_DEVICE_FEATURE_GET/SET/PROBE</c>)
    /// and the feature's data; argsz = header + data unless <paramref name="argsz"/> overrides it (negative tests).
    /// Returns 0 or the errno; a GET's answer is written back into <paramref name="data"/>.
    /// </summary>
    public int TryFeature(uint flags, Span<byte> data = default, uint? argsz = null)
    {
        var header = sizeof(vfio_device_feature);
        var buffer = new byte[header + data.Length];
        StructBytes.Write(buffer, new vfio_device_feature { argsz = argsz ?? (uint)buffer.Length, flags = flags });
        data.CopyTo(buffer.AsSpan(header));
        int r;
        // SAFETY: buffer is pinned for the call and header + data long; argsz never claims more unless a test asks.
        fixed (byte* p = buffer)
        {
            r = Syscalls.Ioctl(Handle, VfioDeviceIoctl.VFIO_DEVICE_FEATURE, (nint)p);
        }

        buffer.AsSpan(header).CopyTo(data);
        return -Math.Min(r, 0);
    }

    /// <summary>
    /// <c>VFIO_DEVICE_GET_PCI_HOT_RESET_INFO</c>: the devices a bus/slot reset would affect. The kernel answers ENOSPC
    /// with <c>count</c> set when the array does not fit; the call is then repeated with room for them. Returns 0 or
    /// the errno.
    /// </summary>
    public int TryGetPciHotResetInfo(out IReadOnlyList<VfioPciDependentDevice>? devices)
    {
        devices = null;
        var header = sizeof(vfio_pci_hot_reset_info);
        var entry = sizeof(vfio_pci_dependent_device);
        var count = 0u;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var buffer = new byte[header + (count * entry)];
            StructBytes.Write(buffer, new vfio_pci_hot_reset_info { argsz = (uint)buffer.Length });
            int r;
            // SAFETY: buffer is pinned for the call and argsz bytes long, all the kernel may write.
            fixed (byte* p = buffer)
            {
                r = Syscalls.Ioctl(Handle, VfioDeviceIoctl.VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, (nint)p);
            }

            var answered = MemoryMarshal.Read<vfio_pci_hot_reset_info>(buffer).count;
            if (r == -Errno.ENOSPC && answered > count && answered <= 256) { count = answered; continue; }
            if (r < 0) { return -r; }
            var list = new List<VfioPciDependentDevice>();
            for (var i = 0; i < Math.Min(answered, count); i++)
            {
                var d = MemoryMarshal.Read<vfio_pci_dependent_device>(buffer.AsSpan(header + (i * entry)));
                list.Add(new VfioPciDependentDevice(d.group_id, d.segment, d.bus, d.devfn));
            }

            devices = list;
            return 0;
        }

        return Errno.ENOSPC;
    }

    /// <summary>Queries region <paramref name="index"/> and returns an accessor for it.</summary>
    public VfioRegion OpenRegion(uint index) => new(this, GetRegionInfo(index));

    /// <summary>Closes the device fd.</summary>
    public void Dispose() => Handle.Dispose();

    private static void ThrowIrq(int errno, uint index, VfioIrqAction action)
    {
        if (errno != 0)
        {
            throw new VfioException(nameof(VfioDeviceIoctl.VFIO_DEVICE_SET_IRQS), errno, "index=" + index.ToString(CultureInfo.InvariantCulture) + " action=" + action);
        }
    }
}
