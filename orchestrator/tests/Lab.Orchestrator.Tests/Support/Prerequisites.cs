namespace Lab.Orchestrator.Tests.Support;

/// <summary>Host tools a test needs: a missing one fails the test and names the install step (never a skip).</summary>
internal static class Prerequisites
{
    public static void RequireOnPath(string tool, string setupGroup)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        var found = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, tool)));
        if (!found)
        {
            Assert.Fail($"'{tool}' is not installed on this host: run scripts/setup-host.sh {setupGroup}");
        }
    }

    /// <summary>Everything the QEMU board path needs on the host.</summary>
    public static void RequireQemuBoardHost()
    {
        RequireOnPath("qemu-system-aarch64", "qemu");
        RequireOnPath("dropbearkey", "qemu");
        RequireOnPath("ssh-keygen", "qemu");
        RequireOnPath("aarch64-linux-gnu-gcc", "cross");
        RequireOnPath("make", "build");
        RequireOnPath("cpio", "build");
        RequireOnPath("depmod", "build");
        RequireOnPath("patch", "build");
        RequireOnPath("flex", "build");
    }
}
