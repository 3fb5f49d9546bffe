using System.Reflection;
using System.Runtime.InteropServices;
using Lab.Vfio.Interop;

namespace Lab.Vfio.Tests.Layout;

/// <summary>
/// Every interop struct against linux/vfio.h as gcc lays it out, for the host (x86-64), arm64 and armv7.
/// The C side is extracted by agents/layout/vfio-layout.sh; nothing here types a size or offset by hand.
/// </summary>
[TestFixture]
public sealed class StructLayoutTests
{
    /// <summary>Header structs the lab does not mirror, with the reason; every other struct must be mirrored.</summary>
    private static readonly Dictionary<string, string> OutOfScope = new()
    {
        ["vfio_region_gfx_edid"] = "GFX EDID region of mdev vGPUs: no platform/AMBA/PCI board has one",
        ["vfio_device_migration_info"] = "v1 migration region, removed from the kernel in 5.18",
        ["vfio_region_info_cap_nvlink2_ssatgt"] = "POWER9 NVLink2, removed in 5.13",
        ["vfio_region_info_cap_nvlink2_lnkspd"] = "POWER9 NVLink2, removed in 5.13",
        ["vfio_device_gfx_plane_info"] = "mdev vGPU display planes",
        ["vfio_iommu_spapr_tce_ddw_info"] = "POWER SPAPR TCE IOMMU",
        ["vfio_iommu_spapr_tce_info"] = "POWER SPAPR TCE IOMMU",
        ["vfio_eeh_pe_err"] = "POWER EEH",
        ["vfio_eeh_pe_op"] = "POWER EEH",
        ["vfio_iommu_spapr_register_memory"] = "POWER SPAPR TCE IOMMU",
        ["vfio_iommu_spapr_tce_create"] = "POWER SPAPR TCE IOMMU",
        ["vfio_iommu_spapr_tce_remove"] = "POWER SPAPR TCE IOMMU",
    };

    public static IEnumerable<TestCaseData> Targets()
    {
        yield return new TestCaseData("gcc", 8).SetArgDisplayNames("x86-64");
        yield return new TestCaseData("aarch64-linux-gnu-gcc", 8).SetArgDisplayNames("arm64");
        yield return new TestCaseData("arm-linux-gnueabihf-gcc", 4).SetArgDisplayNames("armv7");
    }

    [Test]
    public void The_abi_model_matches_the_host_runtime()
    {
        Assert.That(IntPtr.Size, Is.EqualTo(8), "the host tests assume a 64-bit runtime");
        foreach (var t in ClrLayoutModel.InteropStructs())
        {
            var model = ClrLayoutModel.Layout(t, IntPtr.Size);
            Assert.That(Marshal.SizeOf(t), Is.EqualTo(model.Size), $"sizeof {t.Name}");
            foreach (var f in model.Fields)
            {
                Assert.That(Marshal.OffsetOf(t, f.Name).ToInt64(), Is.EqualTo(f.Offset), $"offsetof {t.Name}.{f.Name}");
            }
        }
    }

    [TestCaseSource(nameof(Targets))]
    public void Every_header_struct_is_mirrored_or_out_of_scope(string cc, int pointerSize)
    {
        var c = CompilerTables.Get(cc);
        var cStructs = c.Where(e => e.Kind == "sizeof").Select(e => e.Name).ToHashSet();
        var mirrored = ClrLayoutModel.InteropStructs().Select(t => t.Name).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(cStructs.Except(mirrored).Except(OutOfScope.Keys), Is.Empty, "header structs without a C# mirror");
            Assert.That(mirrored.Except(cStructs), Is.Empty, "C# structs the header does not have");
            Assert.That(OutOfScope.Keys.Except(cStructs), Is.Empty, "stale out-of-scope entries");
            Assert.That(OutOfScope.Keys.Intersect(mirrored), Is.Empty, "mirrored structs listed as out of scope");
        });
    }

    [TestCaseSource(nameof(Targets))]
    public void Every_struct_field_matches_gcc(string cc, int pointerSize)
    {
        var c = CompilerTables.Get(cc).ToDictionary(e => e.Kind + " " + e.Name, e => e.Value);
        Assert.Multiple(() =>
        {
            foreach (var t in ClrLayoutModel.InteropStructs())
            {
                var m = ClrLayoutModel.Layout(t, pointerSize);
                var cSize = c["sizeof " + t.Name];
                var cFieldsEnd = c.Where(kv => kv.Key.StartsWith("offsetof " + t.Name + ".", StringComparison.Ordinal))
                    .Max(kv => kv.Value + c[kv.Key.Replace("offsetof ", "fieldsize ")]);
                var grown = false;
                foreach (var f in m.Fields)
                {
                    if (!c.TryGetValue("offsetof " + t.Name + "." + f.Name, out var off))
                    {
                        Assert.That(f.Newer, Is.True, $"{t.Name}.{f.Name} is not in the header and has no [KernelSince]");
                        Assert.That(f.Offset, Is.GreaterThanOrEqualTo(cFieldsEnd), $"{t.Name}.{f.Name} (newer) must sit past the old fields");
                        grown = true;
                        continue;
                    }

                    Assert.That(f.Offset, Is.EqualTo(off), $"offsetof {t.Name}.{f.Name}");
                    Assert.That(f.Size, Is.EqualTo(c["fieldsize " + t.Name + "." + f.Name]), $"sizeof {t.Name}.{f.Name}");
                }

                var cFields = c.Keys.Where(k => k.StartsWith("offsetof " + t.Name + ".", StringComparison.Ordinal))
                    .Select(k => k.Substring(k.IndexOf('.') + 1));
                Assert.That(cFields.Except(m.Fields.Select(f => f.Name)), Is.Empty, $"header fields of {t.Name} missing in C#");
                if (grown)
                {
                    Assert.That(m.Size, Is.GreaterThanOrEqualTo(cSize), $"sizeof {t.Name} (grown)");
                }
                else
                {
                    Assert.That(m.Size, Is.EqualTo(cSize), $"sizeof {t.Name}");
                }

                // A flexible array member's element alignment counts in C's alignof, not in the C# struct's.
                var flex = t.GetCustomAttribute<FlexibleArrayAttribute>();
                var align = flex is null ? m.Align : Math.Max(m.Align, ClrLayoutModel.SizeAlign(flex.ElementType, pointerSize).Align);
                Assert.That(align, Is.EqualTo(c["alignof " + t.Name]), $"alignof {t.Name}");
                CheckFlexibleArray(t, m, c, pointerSize);
            }
        });
    }

    [Test]
    public void The_compile_only_extraction_agrees_with_a_host_run()
    {
        Assert.That(CompilerTables.Get("gcc"), Is.EqualTo(CompilerTables.Get("gcc", run: true)));
    }

    [Test]
    public void Grown_structs_use_the_newest_layout()
    {
        // vfio_device_info grew 16 -> 20 -> 24; vfio_iommu_type1_info 16 -> 24. Allocating the newest is the contract.
        Assert.That(Marshal.SizeOf<vfio_device_info>(), Is.EqualTo(Marshal.OffsetOf<vfio_device_info>(nameof(vfio_device_info.pad)).ToInt32() + 4));
        Assert.That(Marshal.SizeOf<vfio_iommu_type1_info>(), Is.EqualTo(Marshal.OffsetOf<vfio_iommu_type1_info>(nameof(vfio_iommu_type1_info.pad)).ToInt32() + 4));
    }

    [Test]
    public void The_agent_layout_catalog_covers_every_field_and_matches_the_runtime()
    {
        var catalog = LayoutCatalog.Entries().ToDictionary(e => e.Kind + " " + e.Name, e => e.Value);
        var expected = new Dictionary<string, long>();
        foreach (var t in ClrLayoutModel.InteropStructs())
        {
            expected["sizeof " + t.Name] = Marshal.SizeOf(t);
            foreach (var f in ClrLayoutModel.Fields(t))
            {
                expected["offsetof " + t.Name + "." + f.Name] = Marshal.OffsetOf(t, f.Name).ToInt64();
                expected["fieldsize " + t.Name + "." + f.Name] = ClrLayoutModel.SizeAlign(f.FieldType, IntPtr.Size).Size;
            }
        }

        Assert.That(catalog, Is.EquivalentTo(expected));
    }

    [TestCaseSource(nameof(Targets))]
    public void The_agent_selfcheck_comparison_accepts_the_model_and_rejects_a_skew(string cc, int pointerSize)
    {
        var c = CompilerTables.Get(cc);
        var model = new List<LayoutEntry>();
        foreach (var t in ClrLayoutModel.InteropStructs())
        {
            var m = ClrLayoutModel.Layout(t, pointerSize);
            model.Add(new LayoutEntry("sizeof", t.Name, m.Size));
            foreach (var f in m.Fields)
            {
                model.Add(new LayoutEntry("offsetof", t.Name + "." + f.Name, f.Offset));
                model.Add(new LayoutEntry("fieldsize", t.Name + "." + f.Name, f.Size));
            }
        }

        Assert.That(LayoutTable.Compare(model, c), Is.Empty);
        var skewed = model.Select(e => e.Name == "vfio_region_info.offset" && e.Kind == "offsetof" ? e with { Value = 20 } : e).ToList();
        Assert.That(LayoutTable.Compare(skewed, c), Has.Some.Contains("offsetof vfio_region_info.offset"));
    }

    private static void CheckFlexibleArray(Type t, ClrLayoutModel.StructModel m, Dictionary<string, long> c, int pointerSize)
    {
        var flex = t.GetCustomAttribute<FlexibleArrayAttribute>();
        var cFlex = c.Keys.Where(k => k.StartsWith("flex " + t.Name + ".", StringComparison.Ordinal)).ToList();
        if (flex is null)
        {
            Assert.That(cFlex, Is.Empty, $"{t.Name} has a flexible array member in C but no [FlexibleArray]");
            return;
        }

        Assert.That(c.TryGetValue("flex " + t.Name + "." + flex.Name, out var off), Is.True, $"{t.Name}.{flex.Name}[] not in the header");
        var elementAlign = ClrLayoutModel.SizeAlign(flex.ElementType, pointerSize).Align;
        Assert.That(ClrLayoutModel.AlignUp(m.FieldsEnd, elementAlign), Is.EqualTo(off), $"offsetof {t.Name}.{flex.Name}[]");
    }
}
