using Lab.Orchestrator.Kernel;
using Lab.Orchestrator.Tests.Run;
using Lab.Orchestrator.Tests.Support;

namespace Lab.Orchestrator.Tests.Kernel;

/// <summary>The real module build (cached per key); needs the cross toolchain, like the board.</summary>
[Category("Qemu")]
[NonParallelizable]
public sealed class ModuleBuildTests
{
    [Test]
    public async Task The_build_yields_the_vfio_modules_and_our_reset_handlers_with_hashes_and_a_log()
    {
        var modules = await SharedQemuBoard.ModulesAsync(CancellationToken.None);

        Assert.That(modules.Modules.Select(m => m.Name), Is.EquivalentTo(new[]
        {
            "vfio", "vfio_virqfd", "vfio_iommu_type1", "vfio-pci-core", "vfio-pci", "vfio-platform-base", "vfio-platform", "vfio-amba",
            "vfiolab-reset",
        }));
        Assert.That(modules.Modules.Select(m => m.Sha256), Has.All.Match("^[0-9a-f]{64}$"));
        Assert.That(File.Exists(modules.BuildLogPath), Is.True);
        Assert.That(await File.ReadAllTextAsync(modules.BuildLogPath), Does.Contain("0001-vfio-platform-probe-without-reset-when-not-required.patch"));
    }

    [Test]
    public async Task A_patch_that_does_not_apply_fails_naming_the_patch()
    {
        var kernelEnv = await FindKernelEnvAsync();
        var queue = Directory.CreateTempSubdirectory("vfiolab-badpatch-").FullName;
        await File.WriteAllTextAsync(Path.Combine(queue, "series"), "# test\n0001-does-not-apply.patch\n");
        await File.WriteAllTextAsync(Path.Combine(queue, "0001-does-not-apply.patch"),
            "--- a/drivers/vfio/vfio_main.c\n+++ b/drivers/vfio/vfio_main.c\n@@ -1,3 +1,3 @@\n-no such line\n+x\n no such context\n no such context either\n");

        var build = new ModuleBuild(new ScriptRunner(TimeProvider.System), queue);
        var e = Assert.ThrowsAsync<KernelScriptException>(() => build.BuildAsync(new ModuleBuildRequest(kernelEnv, PatchDirectory: queue), CancellationToken.None));

        Assert.That(e!.Result!.ExitCode, Is.EqualTo(2));
        Assert.That(e.Message, Does.Contain("patch 0001-does-not-apply.patch did not apply"));
    }

    [Test]
    public async Task A_board_kernel_s_own_tree_and_headers_build_modules_for_that_kernel_release()
    {
        // A developer's tree (here: drivers/vfio of Debian's linux-source, copied) and the board kernel's headers.
        await SharedQemuBoard.ModulesAsync(CancellationToken.None);
        var kernel = await new DebianKernel(new ScriptRunner(TimeProvider.System), SharedQemuBoard.LogDirectory).FetchAsync("arm64", CancellationToken.None);
        var tree = Directory.CreateTempSubdirectory("vfiolab-tree-").FullName;
        CopyTree(Path.Combine(Path.GetDirectoryName(kernel.EnvPath)!, "vfio-src", "drivers", "vfio"), Path.Combine(tree, "drivers", "vfio"));
        await File.AppendAllTextAsync(Path.Combine(tree, "drivers", "vfio", "vfio_main.c"), $"\n/* a developer's change {Guid.NewGuid()} */\n");

        var build = await new ModuleBuild(new ScriptRunner(TimeProvider.System), tree).BuildAsync(
            new ModuleBuildRequest(null, tree, RepoFiles.Path("kernel/patches/6.1"), kernel.Headers, "arm64"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(build.KernelRelease, Is.EqualTo(kernel.Release), "the release comes from the headers' utsrelease.h");
            Assert.That(build.Modules.Select(m => m.Vermagic), Has.All.StartWith(kernel.Release + " "));
            Assert.That(build.Modules.Select(m => m.Name), Does.Contain("vfio-platform").And.Contain("vfio-amba"));
            Assert.That(build.Modules.Single(m => m.Name == "vfio-platform").Depends, Does.Contain("vfio-platform-base").Or.Contain("vfio_platform_base"));
            Assert.That(File.ReadAllText(build.BuildLogPath), Does.Contain("make -C " + kernel.Headers));
        });
        Directory.Delete(tree, recursive: true);
    }

    [Test]
    public async Task Armv7_modules_build_against_debian_armmp_with_a_modpost_built_for_32_bit_arm()
    {
        // armmp leaves VFIO unset, and Debian's amd64 modpost reads 64-bit device tables: the build takes VFIO and
        // virqfd on the make line and a modpost fetch-debian-kernel.sh built from linux-source for ARCH=arm.
        var kernel = await new DebianKernel(new ScriptRunner(TimeProvider.System), SharedQemuBoard.LogDirectory).FetchAsync("armv7", CancellationToken.None);

        var build = await new ModuleBuild(new ScriptRunner(TimeProvider.System), SharedQemuBoard.LogDirectory).BuildAsync(
            new ModuleBuildRequest(kernel.EnvPath, PatchDirectory: RepoFiles.Path("kernel/patches/6.1")), CancellationToken.None);
        var header = new byte[20];
        await using (var ko = File.OpenRead(build.Modules.Single(m => m.Name == "vfio-amba").Path))
        {
            await ko.ReadExactlyAsync(header);
        }

        Assert.Multiple(() =>
        {
            Assert.That(kernel.Release, Does.StartWith("6.1.0-").And.EndWith("-armmp"));
            Assert.That(build.Modules.Select(m => m.Name), Is.EquivalentTo(new[]
            {
                "vfio", "vfio_virqfd", "vfio-platform-base", "vfio-platform", "vfio-amba", "vfiolab-reset",
            }), "the no-IOMMU platform stack: no type1 and no vfio-pci on armmp");
            Assert.That(build.Modules.Select(m => m.Vermagic), Has.All.StartWith(kernel.Release + " ").And.All.Contain("ARMv7"));
            Assert.That((header[4], header[18]), Is.EqualTo(((byte)1, (byte)40)), "ELFCLASS32, EM_ARM");
            Assert.That(File.ReadAllText(build.BuildLogPath), Does.Contain("0001-vfio-platform-probe-without-reset-when-not-required.patch").And.Contain("CONFIG_VFIO=m"));
        });
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<string> FindKernelEnvAsync()
    {
        var kernel = await new DebianKernel(new ScriptRunner(TimeProvider.System), SharedQemuBoard.LogDirectory).FetchAsync("arm64", CancellationToken.None);
        return kernel.EnvPath;
    }
}
