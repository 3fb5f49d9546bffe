using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace Lab.Orchestrator.Core.Config;

/// <summary>
/// The checks a schema cannot express: unique ids, references between sections, formats, ranges, files that
/// must exist, and combinations that cannot work on a board.
/// </summary>
internal static partial class LabConfigChecks
{
    public static void Check(LabConfig lab, string labDir, List<ConfigError> errors)
    {
        if (lab.Boards.Count == 0)
        {
            errors.Add(new ConfigError("$.boards", "no boards: a lab needs at least one"));
        }

        foreach (var name in lab.Kernels.Keys.Concat(lab.Suites.Keys).Where(n => !KeyName().IsMatch(n)))
        {
            errors.Add(new ConfigError(SchemaChecker.PathOf(lab.Kernels.ContainsKey(name) ? "$.kernels" : "$.suites", Text.Escape(name, 40)),
                "a kernel or suite name is 1-64 letters, digits, '.', '_' or '-'"));
        }

        foreach (var (name, kernel) in lab.Kernels)
        {
            CheckKernel(SchemaChecker.PathOf("$.kernels", name), kernel, labDir, errors);
        }

        foreach (var (name, suite) in lab.Suites)
        {
            var path = SchemaChecker.PathOf("$.suites", name);
            if (suite.Cases.Count == 0)
            {
                errors.Add(new ConfigError(path + ".cases", "empty: a suite needs at least one case pattern"));
            }

            for (var i = 0; i < suite.Cases.Count; i++)
            {
                if (!CasePattern().IsMatch(suite.Cases[i]))
                {
                    errors.Add(new ConfigError(At(path + ".cases", i),
                        $"'{Text.Escape(suite.Cases[i], 60)}' is not a case id pattern (lower case letters, digits, '.', '_', '-', '*')"));
                }
            }

            if (suite.StressSeconds is < 1 or > 3600)
            {
                errors.Add(new ConfigError(path + ".stressSeconds", $"{suite.StressSeconds} s is out of range 1-3600"));
            }
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var b = 0; b < lab.Boards.Count; b++)
        {
            var board = lab.Boards[b];
            var path = At("$.boards", b);
            if (ids.TryGetValue(board.Id, out var first))
            {
                errors.Add(new ConfigError(path + ".id", $"duplicate board id '{board.Id}' (also {At("$.boards", first)})"));
            }
            else
            {
                ids[board.Id] = b;
            }

            CheckBoard(lab, board, path, labDir, errors);
        }

        if (lab.MaxParallelBoards is < 1 or > 256)
        {
            errors.Add(new ConfigError("$.maxParallelBoards", $"{lab.MaxParallelBoards} is out of range 1-256"));
        }

        if (lab.Webhook is { } hook && (!Uri.TryCreate(hook.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            errors.Add(new ConfigError("$.webhook.url", $"'{Text.Escape(hook.Url, 80)}' is not an http(s) URL"));
        }

        if (lab.Nightly is { } nightly)
        {
            try
            {
                CronExpression.Parse(nightly.Cron, CronFormat.Standard);
            }
            catch (CronFormatException ex)
            {
                errors.Add(new ConfigError("$.nightly.cron", $"'{nightly.Cron}' is not a five-field cron expression: {ex.Message}"));
            }

            for (var i = 0; i < nightly.Boards.Count; i++)
            {
                if (!ids.ContainsKey(nightly.Boards[i]))
                {
                    errors.Add(new ConfigError(At("$.nightly.boards", i), $"unknown board '{nightly.Boards[i]}'"));
                }
            }
        }
    }

    private static void CheckBoard(LabConfig lab, BoardConfig board, string path, string labDir, List<ConfigError> errors)
    {
        if (!BoardId().IsMatch(board.Id))
        {
            errors.Add(new ConfigError(path + ".id", $"'{Text.Escape(board.Id, 40)}' is not a board id (1-63 lower case letters, digits and '-')"));
        }

        if (!lab.Kernels.ContainsKey(board.Kernel))
        {
            errors.Add(new ConfigError(path + ".kernel", $"unknown kernel '{board.Kernel}' (defined: {Keys(lab.Kernels.Keys)})"));
        }

        if (board.Kernels is { } kernels)
        {
            CheckKernelList(lab, board, kernels, path, errors);
        }

        for (var i = 0; i < board.Suites.Count; i++)
        {
            if (!lab.Suites.ContainsKey(board.Suites[i]))
            {
                errors.Add(new ConfigError(At(path + ".suites", i), $"unknown suite '{board.Suites[i]}' (defined: {Keys(lab.Suites.Keys)})"));
            }
        }

        if (board.AgentRuntime == AgentRuntime.NativeAot && board.Arch != BoardArch.Arm64)
        {
            errors.Add(new ConfigError(path + ".agentRuntime", "nativeaot needs arm64: no linux-arm .NET packs can be restored; armv7 boards use mono"));
        }

        CheckSsh(board, path + ".ssh", labDir, errors);
        if (board.Qemu is not null && board.Kind != BoardKind.Qemu)
        {
            errors.Add(new ConfigError(path + ".qemu", $"only qemu boards take QEMU settings (this board is {board.Kind.ToString().ToLowerInvariant()})"));
        }

        if (board.Qemu is { } qemu)
        {
            if (qemu.Smp is < 1 or > 64)
            {
                errors.Add(new ConfigError(path + ".qemu.smp", $"{qemu.Smp} CPUs is out of range 1-64"));
            }

            if (qemu.MemoryMb is < 128 or > 65536)
            {
                errors.Add(new ConfigError(path + ".qemu.memoryMb", $"{qemu.MemoryMb} MiB is out of range 128-65536"));
            }

            CheckDisks(qemu.Disks, path + ".qemu.disks", errors);
        }

        if (board.Fvp is not null && board.Kind != BoardKind.Fvp)
        {
            errors.Add(new ConfigError(path + ".fvp", $"only fvp boards take FVP settings (this board is {board.Kind.ToString().ToLowerInvariant()})"));
        }

        if (board.Kind == BoardKind.Fvp)
        {
            CheckFvp(board.Fvp, path + ".fvp", labDir, errors);
        }

        if (board.Retries is < 0 or > 10)
        {
            errors.Add(new ConfigError(path + ".retries", $"{board.Retries} retries is out of range 0-10"));
        }

        if (board.Console is { Command: not null, File: not null })
        {
            errors.Add(new ConfigError(path + ".console", "give a console command or a console file, not both"));
        }

        if (board.Kind == BoardKind.Ssh && board.Power is not { On.Count: > 0, Off.Count: > 0 })
        {
            errors.Add(new ConfigError(path + ".power", "an ssh board needs power commands 'on' and 'off' (argv lists; 'reset' defaults to off then on) so a hung board can be recovered"));
        }

        CheckTimeouts(board.Timeouts, path + ".timeouts", errors);
        if (board.Devices.Count == 0)
        {
            errors.Add(new ConfigError(path + ".devices", "no devices under test"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < board.Devices.Count; d++)
        {
            var device = board.Devices[d];
            var devicePath = At(path + ".devices", d);
            if (!DeviceName().IsMatch(device.Name))
            {
                errors.Add(new ConfigError(devicePath + ".name", $"'{Text.Escape(device.Name, 40)}' is not a device name: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit (it goes into result ids and file names)"));
            }

            if (!names.Add(device.Name))
            {
                errors.Add(new ConfigError(devicePath + ".name", $"duplicate device name '{device.Name}' on board '{board.Id}'"));
            }

            CheckMatch(device, devicePath + ".match", errors);
            if (device.Disk is { } disk && !(board.Qemu?.Disks.Any(k => k.Id == disk) ?? false))
            {
                errors.Add(new ConfigError(devicePath + ".disk", $"'{disk}' is not a disk of this board (qemu.disks ids: {string.Join(", ", board.Qemu?.Disks.Select(k => k.Id) ?? [])})"));
            }
        }
    }

    private static void CheckDisks(IReadOnlyList<QemuDiskConfig> disks, string path, List<ConfigError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < disks.Count; i++)
        {
            var disk = disks[i];
            var diskPath = At(path, i);
            if (!DiskId().IsMatch(disk.Id))
            {
                errors.Add(new ConfigError(diskPath + ".id", $"'{disk.Id}' is not a drive id: use letters, digits, '-' and '_' (it becomes a file name and a QEMU option value)"));
            }
            else if (!ids.Add(disk.Id))
            {
                errors.Add(new ConfigError(diskPath + ".id", $"duplicate disk id '{disk.Id}'"));
            }

            if (disk.SizeMb is < 1 or > 1024)
            {
                errors.Add(new ConfigError(diskPath + ".sizeMb", $"{disk.SizeMb} MiB is out of range 1-1024"));
            }
        }
    }

    private static void CheckSsh(BoardConfig board, string path, string labDir, List<ConfigError> errors)
    {
        var ssh = board.Ssh;
        var low = board.Kind == BoardKind.Ssh ? 1 : 0; // 0: the lab picks a free loopback port (QEMU hostfwd, FVP userNetPorts)
        if (ssh.Port < low || ssh.Port > 65535)
        {
            errors.Add(new ConfigError(path + ".port", $"port {ssh.Port} is out of range {low}-65535"));
        }

        if (string.IsNullOrWhiteSpace(ssh.Host))
        {
            errors.Add(new ConfigError(path + ".host", "empty host"));
        }

        if (string.IsNullOrWhiteSpace(ssh.User))
        {
            errors.Add(new ConfigError(path + ".user", "empty user"));
        }

        if (ssh.HostKey == SshConfig.PinOnFirstBoot)
        {
            if (board.Kind == BoardKind.Ssh)
            {
                errors.Add(new ConfigError(path + ".hostKey",
                    "pin-on-first-boot is only for images the lab builds (qemu and fvp boards); pin this board's key as SHA256:... (ssh-keyscan HOST | ssh-keygen -lf -)"));
            }
        }
        else if (!Fingerprint().IsMatch(ssh.HostKey))
        {
            errors.Add(new ConfigError(path + ".hostKey", $"'{ssh.HostKey}' is not a host key fingerprint 'SHA256:<43 base64 characters>'"));
        }

        if (ssh.KeyFile is { } keyFile && !File.Exists(ResolvePath(keyFile, labDir)))
        {
            errors.Add(new ConfigError(path + ".keyFile", $"key file '{keyFile}' not found (looked at {ResolvePath(keyFile, labDir)})"));
        }
    }

    private static void CheckFvp(FvpConfig? fvp, string path, string labDir, List<ConfigError> errors)
    {
        if (fvp is null)
        {
            errors.Add(new ConfigError(path, "an fvp board needs its model: \"fvp\": { \"model\": \"/path/to/FVP_Base_RevC-2xAEMvA\", ... }"));
            return;
        }

        if (string.IsNullOrWhiteSpace(fvp.Model) || !File.Exists(ResolvePath(fvp.Model, labDir)))
        {
            errors.Add(new ConfigError(path + ".model", $"model executable '{fvp.Model}' not found (looked at {ResolvePath(fvp.Model ?? string.Empty, labDir)})"));
        }

        for (var i = 0; i < fvp.Parameters.Count; i++)
        {
            if (!fvp.Parameters[i].Contains('=', StringComparison.Ordinal))
            {
                errors.Add(new ConfigError(At(path + ".parameters", i), $"'{fvp.Parameters[i]}' is not name=value"));
            }
        }

        if (!FvpTerminal().IsMatch(fvp.ConsoleTerminal))
        {
            errors.Add(new ConfigError(path + ".consoleTerminal", $"'{fvp.ConsoleTerminal}' is not a terminal name such as terminal_0"));
        }
    }

    private static void CheckTimeouts(TimeoutsConfig t, string path, List<ConfigError> errors)
    {
        foreach (var (name, value) in new[]
        {
            ("buildSeconds", t.BuildSeconds), ("powerSeconds", t.PowerSeconds), ("bootSeconds", t.BootSeconds), ("deploySeconds", t.DeploySeconds), ("setupSeconds", t.SetupSeconds),
            ("caseSeconds", t.CaseSeconds), ("boardSeconds", t.BoardSeconds),
        })
        {
            if (value is <= 0 or > 86400)
            {
                errors.Add(new ConfigError(path + "." + name, $"{value} s is out of range 1-86400"));
            }
        }
    }

    private static void CheckMatch(DeviceConfig device, string path, List<ConfigError> errors)
    {
        var match = device.Match;
        var keys = match.SetKeys;
        if (keys.Count == 0)
        {
            errors.Add(new ConfigError(path, "no way to find the device: set one of virtioDeviceId, pci, ambaPeriphId, compatible, sysfsName"));
            return;
        }

        if (keys.Count > 1)
        {
            errors.Add(new ConfigError(path, $"more than one way to find the device ({string.Join(", ", keys)}): set exactly one"));
        }

        if (match.Pci is { } pci && !PciId().IsMatch(pci))
        {
            errors.Add(new ConfigError(path + ".pci", $"'{pci}' is not a PCI id 'vvvv:dddd' (hex)"));
        }

        if (match.AmbaPeriphId is { } periph && !HexId().IsMatch(periph))
        {
            errors.Add(new ConfigError(path + ".ambaPeriphId", $"'{periph}' is not a hex peripheral id such as 0x00041031"));
        }

        if (match.Compatible is { } compatible && !Compatible().IsMatch(compatible))
        {
            errors.Add(new ConfigError(path + ".compatible", $"'{compatible}' is not a devicetree compatible string such as arm,pl330 (or arm,pl330#1 for the second match)"));
        }

        if (match.VirtioDeviceId is { } virtio && virtio is < 1 or > 255)
        {
            errors.Add(new ConfigError(path + ".virtioDeviceId", $"virtio device id {virtio} is out of range 1-255"));
        }

        var isPciMatch = match.Pci is not null;
        if (device.Driver == VfioDriver.VfioPci && !isPciMatch && keys.Count == 1 && match.SysfsName is null)
        {
            errors.Add(new ConfigError(path, "vfio-pci devices are found by 'pci' (or 'sysfsName')"));
        }

        if (device.Driver != VfioDriver.VfioPci && isPciMatch)
        {
            errors.Add(new ConfigError(path + ".pci", $"a PCI device cannot be bound to {DriverName(device.Driver)}; use vfio-pci"));
        }
    }

    private static void CheckKernelList(LabConfig lab, BoardConfig board, IReadOnlyList<string> kernels, string path, List<ConfigError> errors)
    {
        for (var i = 0; i < kernels.Count; i++)
        {
            if (!lab.Kernels.ContainsKey(kernels[i]))
            {
                errors.Add(new ConfigError(At(path + ".kernels", i), $"unknown kernel '{Text.Escape(kernels[i], 64)}' (defined: {Keys(lab.Kernels.Keys)})"));
            }
            else if (kernels.Take(i).Contains(kernels[i], StringComparer.Ordinal))
            {
                errors.Add(new ConfigError(At(path + ".kernels", i), $"kernel '{kernels[i]}' is listed twice"));
            }
        }

        if (!kernels.Contains(board.Kernel, StringComparer.Ordinal))
        {
            errors.Add(new ConfigError(path + ".kernels", $"the board's own kernel '{board.Kernel}' is not in the list (its results carry the board id)"));
        }

        if (board.Kind == BoardKind.Ssh && kernels.Count > 1)
        {
            errors.Add(new ConfigError(path + ".kernels", "an ssh board runs the kernel it boots by itself: one kernel"));
        }
    }

    private static void CheckKernel(string path, KernelConfig kernel, string labDir, List<ConfigError> errors)
    {
        if (kernel.Source == KernelSourceKind.Debian)
        {
            if (kernel.DebianAbi is null)
            {
                errors.Add(new ConfigError(path + ".debianAbi", "a debian kernel needs debianAbi ('current' or e.g. 6.1.0-56)"));
            }
            else if (!DebianAbi().IsMatch(kernel.DebianAbi))
            {
                errors.Add(new ConfigError(path + ".debianAbi", $"'{kernel.DebianAbi}' is not 'current' nor a Debian ABI such as 6.1.0-56 or 6.12.117+deb12"));
            }
        }
        else
        {
            if (kernel.Tree is null)
            {
                errors.Add(new ConfigError(path + ".tree", "a tree kernel needs 'tree'"));
            }

            foreach (var (key, value) in new[] { ("tree", kernel.Tree), ("headers", kernel.Headers) })
            {
                if (value is not null && !Directory.Exists(ResolvePath(value, labDir)))
                {
                    errors.Add(new ConfigError(path + "." + key, $"directory '{value}' not found"));
                }
            }

            if (kernel.DebianAbi is { } abi && !DebianAbi().IsMatch(abi))
            {
                errors.Add(new ConfigError(path + ".debianAbi", $"'{abi}' is not 'current' nor a Debian ABI such as 6.1.0-56 or 6.12.117+deb12"));
            }
        }

        if (kernel.Revision is { } revision && (kernel.Source != KernelSourceKind.Tree || !GitRevision.IsWellFormed(revision)))
        {
            errors.Add(new ConfigError(path + ".revision", kernel.Source != KernelSourceKind.Tree
                ? "revision belongs to a tree kernel (source = tree)"
                : $"'{Text.Escape(revision, 60)}' is not a git revision (letters, digits and ._/~^@{{}}-, not starting with '-')"));
        }

        if (kernel.Series is not ("6.1" or "6.12" or "newest"))
        {
            errors.Add(new ConfigError(path + ".series", $"'{Text.Escape(kernel.Series, 20)}' is not a Debian kernel series the lab fetches (6.1, 6.12, newest)"));
        }

        if (kernel.PatchQueue is { } queue && !File.Exists(Path.Combine(ResolvePath(queue, labDir), "series")))
        {
            errors.Add(new ConfigError(path + ".patchQueue", $"'{queue}' has no 'series' file"));
        }
    }

    /// <summary>Resolves <c>~/</c> and paths relative to lab.json's folder.</summary>
    public static string ResolvePath(string path, string labDir) => LabPath.Resolve(path, labDir);

    private static string At(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string Keys(IEnumerable<string> keys) => keys.Any() ? string.Join(", ", keys) : "none";

    private static string DriverName(VfioDriver driver) => driver switch
    {
        VfioDriver.VfioPlatform => "vfio-platform",
        VfioDriver.VfioAmba => "vfio-amba",
        _ => "vfio-pci",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex BoardId();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex DiskId();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9,._+-]{0,127}(#[0-9]{1,2})?$")]
    private static partial Regex Compatible();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex DeviceName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex KeyName();

    [GeneratedRegex("^terminal_[0-9]{1,2}$")]
    private static partial Regex FvpTerminal();

    [GeneratedRegex("^[a-z0-9_.*-]+$")]
    private static partial Regex CasePattern();

    [GeneratedRegex("^SHA256:[A-Za-z0-9+/]{43}=?$")]
    private static partial Regex Fingerprint();

    [GeneratedRegex("^[0-9a-fA-F]{4}:[0-9a-fA-F]{4}$")]
    private static partial Regex PciId();

    [GeneratedRegex("^(0x)?[0-9a-fA-F]{1,8}$")]
    private static partial Regex HexId();

    [GeneratedRegex(@"^(current|\d+\.\d+\.\d+(-\d+|\+deb\d+))$")]
    private static partial Regex DebianAbi();
}
