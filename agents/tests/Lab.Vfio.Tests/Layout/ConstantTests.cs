using System.Reflection;
using Lab.Vfio.Interop;

namespace Lab.Vfio.Tests.Layout;

/// <summary>Every VFIO macro/enumerator, libc constant and errno number the C# side has, against gcc's values.</summary>
[TestFixture]
public sealed class ConstantTests
{
    /// <summary>Names the C# side may carry that no libc header has, with the reason.</summary>
    private static readonly Dictionary<string, string> NotInHeaders = new()
    {
        ["ENOTSUPP"] = "kernel-internal errno (524) that drivers leak to user space",
    };

    public static IEnumerable<TestCaseData> Targets() => StructLayoutTests.Targets();

    /// <summary>C# constants by name: value and byte width of the C# type.</summary>
    private static Dictionary<string, (ulong Value, FieldInfo Field)> CSharpConstants()
    {
        var d = new Dictionary<string, (ulong, FieldInfo)>();
        foreach (var t in new[] { typeof(VfioConstants), typeof(LibcConstants), typeof(Errno) })
        {
            foreach (var f in t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType != typeof(string)))
            {
                d.Add(f.Name, (unchecked((ulong)Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)), f));
            }
        }

        foreach (var t in new[] { typeof(VfioContainerIoctl), typeof(VfioGroupIoctl), typeof(VfioDeviceIoctl) })
        {
            foreach (var f in t.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                d.Add(f.Name, (Convert.ToUInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture), f));
            }
        }

        return d;
    }

    [TestCaseSource(nameof(Targets))]
    public void Every_header_constant_exists_in_csharp_with_the_same_value(string cc, int pointerSize)
    {
        var cs = CSharpConstants();
        var consts = CompilerTables.Get(cc, run: false).Where(e => e.Kind == "const").ToList();
        Assert.That(consts, Has.Count.GreaterThan(150), "the extractor found too few constants");
        Assert.Multiple(() =>
        {
            foreach (var e in consts)
            {
                if (!cs.TryGetValue(e.Name, out var mine))
                {
                    Assert.Fail($"{e.Name} (= {e.Value}) is in the header but not in C#");
                    continue;
                }

                // The table's value is truncated to the C type's width; all these C types are 32-bit or narrower.
                Assert.That(mine.Value & 0xffffffffUL, Is.EqualTo(unchecked((ulong)e.Value)), e.Name);
            }
        });
    }

    [TestCaseSource(nameof(Targets))]
    public void Every_csharp_constant_is_in_the_header_or_marked_newer(string cc, int pointerSize)
    {
        var inC = CompilerTables.Get(cc).Where(e => e.Kind == "const").Select(e => e.Name).ToHashSet();
        var extra = CSharpConstants()
            .Where(kv => !inC.Contains(kv.Key))
            .Where(kv => kv.Value.Field.GetCustomAttribute<KernelSinceAttribute>() is null && !NotInHeaders.ContainsKey(kv.Key))
            .Select(kv => kv.Key);
        Assert.That(extra, Is.Empty);
    }

    [Test]
    public void Ioctl_numbers_overlap_across_fd_kinds_so_each_kind_has_its_own_enum()
    {
        Assert.That((uint)VfioContainerIoctl.VFIO_IOMMU_GET_INFO, Is.EqualTo((uint)VfioDeviceIoctl.VFIO_DEVICE_GET_PCI_HOT_RESET_INFO));
        var container = typeof(IVfioSyscalls).GetMethods().Where(m => m.Name == "Ioctl")
            .Select(m => (m.GetParameters()[0].ParameterType, m.GetParameters()[1].ParameterType)).ToList();
        Assert.That(container, Is.EquivalentTo(new[]
        {
            (typeof(ContainerFd), typeof(VfioContainerIoctl)),
            (typeof(GroupFd), typeof(VfioGroupIoctl)),
            (typeof(DeviceFd), typeof(VfioDeviceIoctl)),
        }));
    }

    [Test]
    public void The_ioc_helpers_encode_like_asm_generic()
    {
        // _IO(';', 100) built by the helper equals the enum's constant expression; _IOR/_IOW/_IOWR set dir and size.
        Assert.That(Ioc.IO(VfioConstants.VFIO_TYPE, VfioConstants.VFIO_BASE), Is.EqualTo((uint)VfioContainerIoctl.VFIO_GET_API_VERSION));
        Assert.That(Ioc.IOR('x', 1, 8) >> Ioc.DirShift, Is.EqualTo(Ioc.Read));
        Assert.That(Ioc.IOW('x', 1, 8) >> Ioc.DirShift, Is.EqualTo(Ioc.Write));
        Assert.That((Ioc.IOWR('x', 1, 24) >> Ioc.SizeShift) & 0x3fff, Is.EqualTo(24));
    }
}
