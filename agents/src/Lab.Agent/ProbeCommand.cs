using Lab.Vfio;
using Lab.TestCases.Model;
using Lab.Vfio.Interop;

namespace Lab.Agent;

/// <summary>
/// <c>lab-agent probe</c>: what the kernel says about the container, group and device, as JSON written by hand
/// with <see cref="JsonText"/> (no reflection serialization: NativeAOT and net48).
/// </summary>
internal static class ProbeCommand
{
    private static readonly VfioExtension[] Extensions =
    [
        VfioExtension.Type1, VfioExtension.SpaprTce, VfioExtension.Type1v2, VfioExtension.DmaCcIommu, VfioExtension.Eeh,
        VfioExtension.Type1Nesting, VfioExtension.SpaprTceV2, VfioExtension.NoIommu, VfioExtension.UnmapAll, VfioExtension.UpdateVaddr,
    ];

    public static int Run(AgentOptions options, TextWriter stdout, TextWriter stderr, IVfioSyscalls syscalls)
    {
        try
        {
            using var session = VfioSession.Open(syscalls, options.Iommu, options.Group, options.Device);
            var w = new JsonText();
            Write(w, options, session);
            stdout.Write(w + "\n");
            return ExitCodes.Ok;
        }
        catch (VfioException ex)
        {
            stderr.Write("lab-agent: probe failed: " + ex.Message + "\n");
            return ExitCodes.Failed;
        }
    }

    private static void Write(JsonText w, AgentOptions options, VfioSession session)
    {
        w.WriteStartObject();
        w.WriteString("device", options.Device);
        w.WriteString("group", options.Group);
        w.WriteString("iommu", options.Iommu.ToString().ToLowerInvariant());
        w.WriteNumber("api_version", session.Container.GetApiVersion());
        w.WriteStartObject("extensions");
        foreach (var e in Extensions) { w.WriteBoolean(e.ToString(), session.Container.CheckExtension(e)); }
        w.WriteEndObject();
        var status = session.Group!.GetStatus();
        w.WriteStartObject("group_status");
        w.WriteNumber("flags", status.Flags);
        w.WriteBoolean("viable", status.Viable);
        w.WriteBoolean("container_set", status.ContainerSet);
        w.WriteEndObject();
        if (options.Iommu == TestCases.Model.IommuMode.Type1 && session.Container.TryGetIommuInfo(out var iommu) == 0)
        {
            WriteIommu(w, iommu!);
        }

        var device = session.Device!;
        var info = device.GetInfo();
        w.WriteStartObject("info");
        w.WriteNumber("flags", info.Flags);
        w.WriteBoolean("pci", info.IsPci);
        w.WriteBoolean("platform", info.IsPlatform);
        w.WriteBoolean("amba", info.IsAmba);
        w.WriteBoolean("reset", info.SupportsReset);
        w.WriteNumber("num_regions", info.NumRegions);
        w.WriteNumber("num_irqs", info.NumIrqs);
        WriteCaps(w, info.Capabilities);
        w.WriteEndObject();
        w.WriteStartArray("regions");
        for (uint i = 0; i < info.NumRegions; i++) { WriteRegion(w, device, i); }
        w.WriteEndArray();
        w.WriteStartArray("irqs");
        for (uint i = 0; i < info.NumIrqs; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("index", i);
            // NOTE: vfio-pci counts every IRQ index (VFIO_PCI_NUM_IRQS) but answers EINVAL for the ERR index of a
            // device without a PCIe capability (QEMU's edu), so a failing index is reported, not fatal.
            var errno = device.TryGetIrqInfo(i, out var irq);
            if (errno != 0)
            {
                WriteErrno(w, errno);
                continue;
            }

            w.WriteNumber("flags", irq!.Flags);
            w.WriteNumber("count", irq.Count);
            w.WriteBoolean("eventfd", irq.SupportsEventfd);
            w.WriteBoolean("maskable", irq.Maskable);
            w.WriteBoolean("automasked", irq.Automasked);
            w.WriteBoolean("noresize", irq.NoResize);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    // An index the kernel refused: its errno, and the object closed.
    private static void WriteErrno(JsonText w, int errno)
    {
        w.WriteNumber("errno", errno);
        w.WriteString("error", Errno.Name(errno));
        w.WriteEndObject();
    }

    private static void WriteRegion(JsonText w, VfioDevice device, uint index)
    {
        w.WriteStartObject();
        w.WriteNumber("index", index);
        var errno = device.TryGetRegionInfo(index, out var r);
        if (errno != 0)
        {
            WriteErrno(w, errno);
            return;
        }

        w.WriteNumber("flags", r!.Flags);
        w.WriteNumber("size", r.Size);
        w.WriteNumber("offset", r.Offset);
        w.WriteBoolean("read", r.CanRead);
        w.WriteBoolean("write", r.CanWrite);
        w.WriteBoolean("mmap", r.CanMmap);
        if (r.SparseMmapAreas is { } areas)
        {
            w.WriteStartArray("sparse_mmap");
            foreach (var a in areas)
            {
                w.WriteStartObject();
                w.WriteNumber("offset", a.Offset);
                w.WriteNumber("size", a.Size);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (r.RegionType is { } t)
        {
            w.WriteStartObject("type");
            w.WriteNumber("type", t.Type);
            w.WriteNumber("subtype", t.Subtype);
            w.WriteEndObject();
        }

        WriteCaps(w, r.Capabilities);
        w.WriteEndObject();
    }

    private static void WriteIommu(JsonText w, VfioIommuInfo info)
    {
        w.WriteStartObject("iommu_info");
        w.WriteNumber("flags", info.Flags);
        w.WriteNumber("iova_pgsizes", info.IovaPageSizes);
        if (info.IovaRanges is { } ranges)
        {
            w.WriteStartArray("iova_ranges");
            foreach (var r in ranges)
            {
                w.WriteStartObject();
                w.WriteNumber("start", r.Start);
                w.WriteNumber("end", r.End);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (info.DmaAvailable is { } avail) { w.WriteNumber("dma_avail", avail); }
        WriteCaps(w, info.Capabilities);
        w.WriteEndObject();
    }

    private static void WriteCaps(JsonText w, IReadOnlyList<VfioCapability> caps)
    {
        w.WriteStartArray("capabilities");
        foreach (var c in caps)
        {
            w.WriteStartObject();
            w.WriteNumber("id", c.Id);
            w.WriteNumber("version", c.Version);
            w.WriteNumber("offset", c.Offset);
            w.WriteNumber("length", c.Data.Length);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
