using Lab.Vfio;

namespace Lab.TestCases.Timing;

/// <summary>
/// The type1 map/unmap path timed over many iterations, shared by the catalog case and <c>lab-agent bench</c>
/// (mirrored by agents/bench/vfio-bench.c): batches of <see cref="Batch"/> 4 KiB pages mapped one by one, then
/// unmapped one by one; each ioctl is one sample.
/// </summary>
public static class DmaLoops
{
    /// <summary>Pages mapped before they are unmapped again.</summary>
    public const int Batch = 16;

    /// <summary>
    /// <paramref name="pairs"/> map+unmap pairs (a multiple of <see cref="Batch"/>) of the pages of
    /// <paramref name="buffer"/> (at least <see cref="Batch"/> pages) at <paramref name="iova"/>; null, or what failed.
    /// </summary>
    public static string? MapUnmap(VfioContainer container, DmaBuffer buffer, ulong iova, int pairs, SampleClock maps, SampleClock unmaps)
    {
        if (container is null) { throw new ArgumentNullException(nameof(container)); }
        if (buffer is null) { throw new ArgumentNullException(nameof(buffer)); }
        if (maps is null) { throw new ArgumentNullException(nameof(maps)); }
        if (unmaps is null) { throw new ArgumentNullException(nameof(unmaps)); }
        var page = (ulong)container.Syscalls.PageSize;
        var flags = Lab.Vfio.Interop.VfioConstants.VFIO_DMA_MAP_FLAG_READ | Lab.Vfio.Interop.VfioConstants.VFIO_DMA_MAP_FLAG_WRITE;
        for (var n = 0; n < pairs; n += Batch)
        {
            for (var i = 0; i < Batch; i++)
            {
                maps.Start();
                var errno = container.TryMapDma(buffer.UserAddress + ((ulong)i * page), iova + ((ulong)i * page), page, flags);
                maps.Stop();
                if (errno != 0) { return $"pair {n + i}: VFIO_IOMMU_MAP_DMA(iova=0x{iova + ((ulong)i * page):x}, size=0x{page:x}): {Errno.Name(errno)}"; }
            }

            for (var i = 0; i < Batch; i++)
            {
                unmaps.Start();
                var errno = container.TryUnmapDma(iova + ((ulong)i * page), page, 0, out var unmapped);
                unmaps.Stop();
                if (errno != 0 || unmapped != page) { return $"pair {n + i}: VFIO_IOMMU_UNMAP_DMA(iova=0x{iova + ((ulong)i * page):x}): {Errno.Name(errno)}, unmapped 0x{unmapped:x}"; }
            }
        }

        return null;
    }
}
