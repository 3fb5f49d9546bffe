using Lab.Vfio.Interop;

namespace Lab.Vfio.Tests.Wrappers;

/// <summary>The real libc path on the x64 host, with no VFIO device: eventfd, poll, ioctl errno, pread, mmap, mlock.</summary>
public sealed class RealSyscallTests
{
    [Test]
    public void Eventfd_signals_wait_and_read_through_libc()
    {
        using var e = Eventfd.Create();
        Assert.That(e.Wait(TimeSpan.FromMilliseconds(1)), Is.False);
        e.Signal(3);
        Assert.That(e.Wait(TimeSpan.FromSeconds(1)), Is.True);
        Assert.That(e.Read(), Is.EqualTo(3));
        Assert.That(e.TryRead(out _), Is.EqualTo(Errno.EAGAIN));
    }

    [Test]
    public void A_vfio_ioctl_on_a_non_vfio_fd_reports_ENOTTY_with_the_ioctl_name()
    {
        Assert.That(VfioContainer.TryOpen(LinuxVfioSyscalls.Instance, "/dev/null", out var c), Is.Zero);
        using (c)
        {
            var ex = Assert.Throws<VfioException>(() => c!.GetApiVersion())!;
            Assert.That(ex.Errno, Is.EqualTo(Errno.ENOTTY));
            Assert.That(ex.Message, Does.StartWith("VFIO_GET_API_VERSION(").And.EndWith("errno 25 ENOTTY"));
        }

        Assert.That(VfioGroup.TryOpen(LinuxVfioSyscalls.Instance, "/nonexistent/vfio/0", out _), Is.EqualTo(Errno.ENOENT));
    }

    [Test]
    public void Page_size_and_locked_dma_buffers_work_on_the_host()
    {
        Assert.That(LinuxVfioSyscalls.Instance.PageSize, Is.EqualTo(Environment.SystemPageSize));
        using var buf = DmaBuffer.Allocate(1);
        buf.Span[0] = 0x5a;
        Assert.That(buf.Span[0], Is.EqualTo(0x5a));
        Assert.That(buf.Length, Is.EqualTo(Environment.SystemPageSize));
        // As root the PFN is visible; otherwise the kernel hides it and the wrapper says EPERM.
        try
        {
            Assert.That(buf.GetPhysicalAddresses().Single() % (ulong)buf.PageSize, Is.Zero);
        }
        catch (VfioException ex)
        {
            Assert.That(ex.Errno, Is.EqualTo(Errno.EPERM));
        }
    }
}
