using Lab.Orchestrator.Core.Boards;

namespace Lab.Orchestrator.Core.Tests.Boards;

public sealed class ModuleLoadOrderTests
{
    private static readonly BoardModule[] _built =
    [
        new("vfio_platform", "/b/vfio-platform.ko", ["vfio_platform_base", "vfio"]),
        new("vfio_platform_base", "/b/vfio-platform-base.ko", ["vfio_virqfd", "vfio"]),
        new("vfio_virqfd", "/b/vfio_virqfd.ko", []),
        new("vfio", "/b/vfio.ko", []),
    ];

    [Test]
    public void Each_module_comes_after_the_built_modules_it_depends_on_whatever_the_plan_order()
    {
        var order = ModuleLoadOrder.Sort([new("vfio-platform", "reset_required=0"), new("vfio", "enable_unsafe_noiommu_mode=1")], _built);

        Assert.Multiple(() =>
        {
            Assert.That(order.Select(o => o.Module.Name), Is.EqualTo(new[] { "vfio", "vfio_virqfd", "vfio_platform_base", "vfio_platform" }),
                "unplanned dependencies that were built are loaded too");
            Assert.That(order.Single(o => o.Module.Name == "vfio_platform").Parameters, Is.EqualTo(new[] { "reset_required=0" }));
            Assert.That(order.Single(o => o.Module.Name == "vfio_virqfd").Parameters, Is.Empty);
        });
    }

    [Test]
    public void A_planned_module_the_build_did_not_make_is_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ModuleLoadOrder.Sort([new("vfio-amba")], _built));

        Assert.That(e!.Message, Does.Contain("'vfio-amba'").And.Contain("vfio_platform_base"));
    }

    [Test]
    public void A_dependency_circle_is_refused_instead_of_looping()
    {
        BoardModule[] circle = [new("a", "/a.ko", ["b"]), new("b", "/b.ko", ["a"])];

        Assert.Throws<InvalidOperationException>(() => ModuleLoadOrder.Sort([new("a")], circle));
    }
}
