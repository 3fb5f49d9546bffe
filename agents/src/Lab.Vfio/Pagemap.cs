namespace Lab.Vfio;

/// <summary>Decodes <c>/proc/self/pagemap</c> entries (Documentation/admin-guide/mm/pagemap.rst).</summary>
public static class Pagemap
{
    /// <summary>Bit 63: page present.</summary>
    public const ulong PresentBit = 1UL << 63;

    /// <summary>Bits 0-54: the page frame number.</summary>
    public const ulong PfnMask = (1UL << 55) - 1;

    /// <summary>The physical address of <paramref name="virtualAddress"/> from its entry.</summary>
    /// <exception cref="VfioException">The page is not present (EFAULT) or the PFN is hidden (EPERM: not root).</exception>
    public static ulong PhysicalAddress(ulong entry, ulong pageSize, ulong virtualAddress)
    {
        if ((entry & PresentBit) == 0) { throw new VfioException("pagemap", Errno.EFAULT, "page not present"); }
        var pfn = entry & PfnMask;
        if (pfn == 0) { throw new VfioException("pagemap", Errno.EPERM, "PFN hidden: reading physical addresses needs CAP_SYS_ADMIN"); }
        return (pfn * pageSize) + (virtualAddress % pageSize);
    }
}
