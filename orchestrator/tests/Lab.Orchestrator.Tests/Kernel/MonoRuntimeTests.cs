using System.Diagnostics;
using Lab.Orchestrator.Tests.Run;
using Lab.Orchestrator.Tests.Support;

namespace Lab.Orchestrator.Tests.Kernel;

/// <summary>
/// The Mono an armv7 board image carries (kernel/board/mono-runtime.sh): Debian's armhf runtime and the four framework
/// assemblies the net48 agent needs, mscorlib compiled ahead of time, nothing else. Run here under QEMU's user-mode ARM
/// emulation (no board yet), the agent lists its catalog with the framework's AOT images and passes its selfcheck
/// against the 32-bit ARM layout tables.
/// </summary>
[Category("Qemu")]
public sealed class MonoRuntimeTests
{
    [Test]
    public async Task The_net48_agent_runs_under_debians_armhf_mono_and_its_interop_matches_32_bit_arm()
    {
        Prerequisites.RequireOnPath("qemu-arm", "qemu");
        var agent = RepoFiles.Path(".lab/artifacts/agent/net48/lab-agent.exe");
        Assert.That(File.Exists(agent), Is.True, $"no {agent}: agents/build.sh builds it (./test.sh runs it first)");
        var (built, treeOutput, buildErrors) = await RunAsync("bash", RepoFiles.Path("kernel/board/mono-runtime.sh"), "armhf");
        Assert.That(built, Is.Zero, buildErrors);
        var tree = treeOutput.Trim().Split('\n')[^1];

        var started = Stopwatch.StartNew();
        var (listed, list, listErrors) = await RunAsync("qemu-arm", "-L", tree, Path.Combine(tree, "usr/bin/mono"), agent, "list");
        var listSeconds = started.Elapsed.TotalSeconds;
        // Mono's AOT log names each image it loads; one made by another runtime is rejected there, and the code JIT compiled.
        var aot = await RunAsync(new Dictionary<string, string> { ["MONO_LOG_LEVEL"] = "debug", ["MONO_LOG_MASK"] = "aot" },
            "qemu-arm", "-L", tree, Path.Combine(tree, "usr/bin/mono"), agent, "list");
        var (checkedCode, check, checkErrors) = await RunAsync("qemu-arm", "-L", tree, Path.Combine(tree, "usr/bin/mono"), agent, "selfcheck");
        // A run calls libc (the "libc" dllmap of the tree's config: Mono reads it from /etc, which qemu-arm does not map).
        var (_, run, runErrors) = await RunAsync("qemu-arm", "-L", tree, Path.Combine(tree, "usr/bin/mono"), agent,
            "run", "--device", "none", "--group", "/nonexistent/vfio-group", "--iommu", "noiommu", "--cases", "vfio.common.container.api_version");
        var bytes = Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        await TestContext.Progress.WriteLineAsync($"armhf Mono tree {bytes / 1e6:0.0} MB; `lab-agent list` under qemu-arm {listSeconds:0.00} s");

        Assert.Multiple(() =>
        {
            Assert.That(listed, Is.Zero, listErrors);
            Assert.That(list.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.GreaterThan(60), "the whole catalog");
            Assert.That(checkedCode, Is.Zero, check + checkErrors);
            Assert.That(check, Does.Contain("selfcheck: arm, pointer 4 bytes").And.Contain("selfcheck: ok"), "the agent's structs and ioctl numbers as a 32-bit ARM C compiler lays them out");
            Assert.That(run, Does.Contain("KTAP version 1").And.Contain("open(/dev/vfio/vfio) failed: errno 2 ENOENT"), "a KTAP error from the libc open, not a crash: " + run + runErrors);
            Assert.That(runErrors, Does.Not.Contain("DllNotFoundException"));
            Assert.That(File.Exists(Path.Combine(tree, "usr/lib/mono/4.5/System.Xml.dll")), Is.False, "only what the agent needs");
            Assert.That(aot.Output + aot.Errors, Does.Match(@"AOT: image '[^']*/4\.5/mscorlib\.dll\.so' found"), "mscorlib's AOT image is loaded");
            Assert.That(aot.Output + aot.Errors, Does.Not.Contain("unusable"), "no AOT image is rejected");
            Assert.That(bytes, Is.LessThan(40_000_000), "a RAM disk's worth, not Debian's whole Mono");
        });
    }

    private static Task<(int Code, string Output, string Errors)> RunAsync(string file, params string[] args) => RunAsync(new Dictionary<string, string>(), file, args);

    private static async Task<(int Code, string Output, string Errors)> RunAsync(Dictionary<string, string> environment, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }

        if (file == "qemu-arm")
        {
            psi.Environment["MONO_CFG_DIR"] = Path.Combine(args[1], "etc");
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, await output, await errors);
    }
}
