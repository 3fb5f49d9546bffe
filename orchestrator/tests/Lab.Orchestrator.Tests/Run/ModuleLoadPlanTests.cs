using Lab.Orchestrator.Core.Boards;
using Lab.Orchestrator.Core.Pipeline;

namespace Lab.Orchestrator.Tests.Run;

public sealed class ModuleLoadPlanTests
{
    [Test]
    public void Lab_json_parameters_replace_the_built_in_ones_in_the_built_in_order()
    {
        var plan = ModuleLoadPlan.For(new Dictionary<string, string>
        {
            ["vfio"] = "enable_unsafe_noiommu_mode=1",
            ["vfio_platform"] = "reset_required=0 debug=1",
        });

        Assert.That(plan.Select(m => m.Module), Is.EqualTo(VfioModuleLoad.Defaults.Select(m => m.Module)));
        Assert.That(plan.Single(m => m.Module == "vfio").Parameters, Is.EqualTo(new[] { "enable_unsafe_noiommu_mode=1" }));
        Assert.That(plan.Single(m => m.Module == "vfio-platform").Parameters, Is.EqualTo(new[] { "reset_required=0", "debug=1" }));
        Assert.That(plan.Single(m => m.Module == "vfio-amba").Parameters, Is.Empty);
    }

    [Test]
    public void Modules_the_kernel_s_build_did_not_make_are_left_out_but_one_lab_json_names_stays()
    {
        // 6.12 builds virqfd into vfio.ko: there is no vfio_virqfd to load.
        string[] built = ["vfio", "vfio_iommu_type1", "vfio-platform-base", "vfio-platform", "vfio-amba", "vfio-pci-core", "vfio-pci", "vfiolab-reset"];

        var plan = ModuleLoadPlan.For(new Dictionary<string, string> { ["vfiolab_reset"] = "compatibles=arm,pl031", ["vfio_typo"] = "x=1" }, built);

        Assert.That(plan.Select(m => m.Module), Is.EqualTo(new[]
        {
            "vfio", "vfio_iommu_type1", "vfio-platform-base", "vfio-platform", "vfio-amba", "vfio-pci-core", "vfio-pci", "vfiolab_reset", "vfio_typo",
        }));
    }

    [Test]
    public void Without_parameters_no_module_gets_any()
    {
        var plan = ModuleLoadPlan.For(new Dictionary<string, string>());

        Assert.That(plan.SelectMany(m => m.Parameters), Is.Empty);
    }

    [Test]
    public void A_module_only_lab_json_names_is_loaded_last()
    {
        var plan = ModuleLoadPlan.For(new Dictionary<string, string> { ["vfio-cdx"] = "x=1" });

        Assert.That(plan[^1].Module, Is.EqualTo("vfio-cdx"));
        Assert.That(plan[^1].Parameters, Is.EqualTo(new[] { "x=1" }));
    }

    [Test]
    public void The_reset_handler_module_loads_after_the_vfio_platform_modules_it_registers_with()
    {
        // vfio-platform/amba look a reset handler up at probe, so vfiolab_reset must be in before any bind; the plan
        // is loaded whole before BoardPipeline binds a device.
        var plan = ModuleLoadPlan.For(new Dictionary<string, string> { ["vfiolab_reset"] = "compatibles=arm,pl031" });
        var names = plan.Select(m => ModuleLoadPlan.Normalize(m.Module)).ToList();

        Assert.That(names.IndexOf("vfiolab_reset"), Is.GreaterThan(names.IndexOf("vfio_platform_base")));
        Assert.That(names.IndexOf("vfiolab_reset"), Is.GreaterThan(names.IndexOf("vfio_platform")));
        Assert.That(plan.Single(m => m.Module == "vfiolab_reset").Parameters, Is.EqualTo(new[] { "compatibles=arm,pl031" }));
    }
}
