namespace Lab.TestCases.Devices.Virtio;

/// <summary>
/// Splits a byte range of page-locked memory into <see cref="VirtqSegment"/>s by physical page: pagemap gives one
/// physical address per page and the pages are not contiguous in general, so a segment never crosses a page boundary
/// unless the next page happens to follow physically and <c>merge</c> is set. The cases pass <c>merge: false</c>: the
/// board's allocator often hands out adjacent frames, and one descriptor per page keeps multi-descriptor chains
/// exercised whatever it does.
/// </summary>
public static class DmaSegments
{
    /// <summary>Segments of [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="length"/>) of a buffer whose page i is at <paramref name="pages"/>[i].</summary>
    public static IReadOnlyList<VirtqSegment> Of(IReadOnlyList<ulong> pages, long pageSize, long offset, long length, bool deviceWrites, bool merge = false)
    {
        if (pages is null) { throw new ArgumentNullException(nameof(pages)); }
        if (pageSize <= 0) { throw new ArgumentOutOfRangeException(nameof(pageSize)); }
        if (offset < 0 || length <= 0 || offset + length > pages.Count * pageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"[{offset}, {offset + length}) is outside the {pages.Count * pageSize}-byte buffer");
        }

        var list = new List<VirtqSegment>();
        var pos = offset;
        var end = offset + length;
        while (pos < end)
        {
            var page = (int)(pos / pageSize);
            var within = pos % pageSize;
            var n = Math.Min(pageSize - within, end - pos);
            var address = pages[page] + (ulong)within;
            if (merge && list.Count > 0 && list[list.Count - 1] is var prev && prev.Address + prev.Length == address)
            {
                list[list.Count - 1] = prev with { Length = prev.Length + (uint)n };
            }
            else
            {
                list.Add(new VirtqSegment(address, (uint)n, deviceWrites));
            }

            pos += n;
        }

        return list;
    }
}
