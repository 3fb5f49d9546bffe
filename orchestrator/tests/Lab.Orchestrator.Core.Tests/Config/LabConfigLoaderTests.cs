using System.Text.Json.Nodes;
using Lab.Orchestrator.Core.Config;

namespace Lab.Orchestrator.Core.Tests.Config;

public sealed class LabConfigLoaderTests
{
    private static string ShippedPath => Path.Combine(RepoRoot.Path, "lab.json");

    private static JsonObject Shipped() => (JsonObject)JsonNode.Parse(File.ReadAllText(ShippedPath))!;

    private static LabConfigResult Check(JsonNode lab) => LabConfigLoader.Parse(lab.ToJsonString(), ShippedPath);

    private static JsonObject Board(JsonObject lab) => (JsonObject)lab["boards"]![0]!;

    [Test]
    public void TheShippedLabJsonIsValidAndDescribesTheDefaultQemuLab()
    {
        var result = LabConfigLoader.Load(ShippedPath);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Config!.Boards.Select(b => (b.Id, b.Arch, b.AgentRuntime)), Is.EqualTo(new[]
        {
            ("qemu-arm64", BoardArch.Arm64, (AgentRuntime?)AgentRuntime.NativeAot), ("exynos4210", BoardArch.Armv7, AgentRuntime.Mono),
            ("zynq", BoardArch.Armv7, AgentRuntime.Mono),
        }));
        Assert.That(result.Config.Boards[1].Devices.Select(d => (d.Driver, d.Iommu, d.Features.Contains("pl330"))), Is.EqualTo(Enumerable.Repeat((VfioDriver.VfioAmba, IommuMode.NoIommu, true), 3)));
        Assert.That(result.Config.Boards[2].Devices.Select(d => (d.Driver, d.Iommu, d.Features.Contains("pl330"))), Is.EqualTo(new[] { (VfioDriver.VfioAmba, IommuMode.NoIommu, true) }));
        Assert.That(result.Config.Boards[2].Qemu, Is.EqualTo(result.Config.Boards[2].Qemu! with { Smp = 1, Nic = "cadence_gem", Console = "ttyPS0,115200", Dtb = "xilinx-zynq-a9" }));
        var board = result.Config.Boards[0];
        Assert.That(board.Kind, Is.EqualTo(BoardKind.Qemu));
        Assert.That(board.Devices.Select(d => (d.Driver, d.Iommu)), Is.EquivalentTo(new[]
        {
            (VfioDriver.VfioPlatform, IommuMode.NoIommu), (VfioDriver.VfioAmba, IommuMode.NoIommu), (VfioDriver.VfioPci, IommuMode.Type1),
            (VfioDriver.VfioPlatform, IommuMode.NoIommu),
        }));
        Assert.That(board.Devices.Single(d => d.Disk is not null).Disk, Is.EqualTo(board.Qemu!.Disks.Single().Id), "the virtio-blk device names the board's disk");
        Assert.That(result.Sha256, Has.Length.EqualTo(64));
    }

    [Test]
    public void TheCommittedSchemaIsTheOneGeneratedFromTheModel()
    {
        var committed = File.ReadAllText(Path.Combine(RepoRoot.Path, "lab.schema.json"));

        Assert.That(committed, Is.EqualTo(LabJson.SchemaText()),
            "lab.schema.json is stale: regenerate it with ./lab schema --write lab.schema.json");
    }

    // Each variant breaks the shipped lab.json in one way and names the path and words the error must carry.
    private static IEnumerable<TestCaseData> BrokenVariants()
    {
        TestCaseData Case(string name, Action<JsonObject> breakIt, string path, string words) =>
            new TestCaseData(breakIt, path, words).SetName("Broken: " + name);

        yield return Case("unknown top-level key", l => l["bords"] = new JsonArray(), "$.bords", "unknown key 'bords'");
        yield return Case("unknown board key", l => Board(l)["sshh"] = 1, "$.boards[0].sshh", "unknown key");
        yield return Case("wrong type", l => Board(l)["ssh"]!["port"] = "22", "$.boards[0].ssh.port", "expected integer");
        yield return Case("missing required key", l => Board(l).Remove("arch"), "$.boards[0]", "missing required key 'arch'");
        yield return Case("bad enum", l => Board(l)["kind"] = "vmware", "$.boards[0].kind", "is not one of");
        yield return Case("duplicate board id", l => l["boards"]!.AsArray().Add(Board(l).DeepClone()), "$.boards[3].id", "duplicate board id 'qemu-arm64'");
        yield return Case("missing key file", l => Board(l)["ssh"]!["keyFile"] = "keys/nope", "$.boards[0].ssh.keyFile", "not found");
        yield return Case("port out of range", l => Board(l)["ssh"]!["port"] = 70000, "$.boards[0].ssh.port", "out of range 0-65535");
        yield return Case("device with no way to find it", l => Board(l)["devices"]![0]!["match"] = new JsonObject(), "$.boards[0].devices[0].match", "no way to find the device");
        yield return Case("device with two ways to find it", l => Board(l)["devices"]![0]!["match"]!["sysfsName"] = "x", "$.boards[0].devices[0].match", "more than one way");
        yield return Case("cron that does not parse", l => l["nightly"]!["cron"] = "every night", "$.nightly.cron", "not a five-field cron");
        yield return Case("unknown kernel", l => Board(l)["kernel"] = "linux-7", "$.boards[0].kernel", "unknown kernel 'linux-7'");
        yield return Case("unknown suite", l => Board(l)["suites"] = new JsonArray("nightly-all"), "$.boards[0].suites[0]", "unknown suite");
        yield return Case("bad host key", l => Board(l)["ssh"]!["hostKey"] = "MD5:aa:bb", "$.boards[0].ssh.hostKey", "not a host key fingerprint");
        yield return Case("pin-on-first-boot on a physical board", l =>
        {
            Board(l)["kind"] = "ssh";
            Board(l).Remove("qemu");
            Board(l)["power"] = new JsonObject { ["reset"] = new JsonArray("pdu", "cycle", "3") };
            Board(l)["ssh"]!["port"] = 22;
        }, "$.boards[0].ssh.hostKey", "only for images the lab builds");
        yield return Case("bad PCI id", l => Board(l)["devices"]![2]!["match"]!["pci"] = "1234-11e8", "$.boards[0].devices[2].match.pci", "not a PCI id");
        yield return Case("PCI device on vfio-platform", l => Board(l)["devices"]![2]!["driver"] = "vfio-platform", "$.boards[0].devices[2].match.pci", "use vfio-pci");
        yield return Case("nativeaot on armv7", l => Board(l)["arch"] = "armv7", "$.boards[0].agentRuntime", "nativeaot needs arm64");
        yield return Case("zero timeout", l => Board(l)["timeouts"]!["caseSeconds"] = 0, "$.boards[0].timeouts.caseSeconds", "out of range");
        yield return Case("duplicate device name", l => Board(l)["devices"]![1]!["name"] = "virtio-rng", "$.boards[0].devices[1].name", "duplicate device name");
        yield return Case("nightly names an unknown board", l => l["nightly"]!["boards"] = new JsonArray("exynos5"), "$.nightly.boards[0]", "unknown board 'exynos5'");
        yield return Case("patch queue without series", l => l["kernels"]!["debian-6.1-arm64"]!["patchQueue"] = "kernel", "$.kernels[\"debian-6.1-arm64\"].patchQueue", "no 'series' file");
        yield return Case("bad case pattern", l => l["suites"]!["default"]!["cases"] = new JsonArray("vfio; rm -rf /"), "$.suites.default.cases[0]", "not a case id pattern");
        yield return Case("disk id that is not a file name", l => Board(l)["qemu"]!["disks"]![0]!["id"] = "../blk", "$.boards[0].qemu.disks[0].id", "not a drive id");
        yield return Case("device names an unknown disk", l => Board(l)["devices"]![3]!["disk"] = "blk9", "$.boards[0].devices[3].disk", "'blk9' is not a disk of this board");
        yield return Case("disk too big", l => Board(l)["qemu"]!["disks"]![0]!["sizeMb"] = 4096, "$.boards[0].qemu.disks[0].sizeMb", "out of range 1-1024");
        yield return Case("stress seconds zero", l => l["suites"]!["default"]!["stressSeconds"] = 0, "$.suites.default.stressSeconds", "out of range 1-3600");
        yield return Case("no boards", l => l["boards"] = new JsonArray(), "$.boards", "no boards");
        yield return Case("revision on a debian kernel", l => l["kernels"]!["debian-6.1-arm64"]!["revision"] = "HEAD", "$.kernels[\"debian-6.1-arm64\"].revision", "belongs to a tree kernel");
        yield return Case("revision that is an option", l =>
        {
            var k = l["kernels"]!["debian-6.1-arm64"]!;
            k["source"] = "tree";
            k["tree"] = ".";
            k["revision"] = "--output=/etc/passwd";
        }, "$.kernels[\"debian-6.1-arm64\"].revision", "not a git revision");
        yield return Case("board kernels naming an unknown kernel", l => Board(l)["kernels"] = new JsonArray("debian-6.1-arm64", "linux-9"), "$.boards[0].kernels[1]", "unknown kernel 'linux-9'");
        yield return Case("board kernels without the board's own", l => Board(l)["kernels"] = new JsonArray("debian-6.12-arm64"), "$.boards[0].kernels", "own kernel 'debian-6.1-arm64' is not in the list");
        yield return Case("board kernels twice", l => Board(l)["kernels"] = new JsonArray("debian-6.1-arm64", "debian-6.1-arm64"), "$.boards[0].kernels[1]", "listed twice");
        yield return Case("tree kernel without a tree", l => l["kernels"]!["debian-6.1-arm64"]!["source"] = "tree", "$.kernels[\"debian-6.1-arm64\"].tree", "needs 'tree'");
    }

    [TestCaseSource(nameof(BrokenVariants))]
    public void EachBrokenVariantIsReportedWithItsPath(Action<JsonObject> breakIt, string path, string words)
    {
        var lab = Shipped();
        breakIt(lab);

        var result = Check(lab);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors, Has.Some.Matches<ConfigError>(e => e.Path == path && e.Message.Contains(words)),
            "errors were: " + string.Join(" | ", result.Errors));
    }

    [Test]
    public void EveryProblemIsReportedAtOnce()
    {
        var lab = Shipped();
        Board(lab)["ssh"]!["port"] = 99999;
        Board(lab)["kernel"] = "nope";
        Board(lab)["devices"]![0]!["match"] = new JsonObject();
        lab["nightly"]!["cron"] = "61 * * * *";

        var paths = Check(lab).Errors.Select(e => e.Path).ToList();

        Assert.That(paths, Is.SupersetOf(new[]
        {
            "$.boards[0].ssh.port", "$.boards[0].kernel", "$.boards[0].devices[0].match", "$.nightly.cron",
        }));
    }

    [Test]
    public void StructuralProblemsAreAllReportedTogetherToo()
    {
        var lab = Shipped();
        lab["extra"] = 1;
        Board(lab)["arch"] = 64;
        Board(lab)["devices"]![1]!["iommu"] = "smmu";

        var paths = Check(lab).Errors.Select(e => e.Path).ToList();

        Assert.That(paths, Is.SupersetOf(new[] { "$.extra", "$.boards[0].arch", "$.boards[0].devices[1].iommu" }));
    }

    [TestCase("{ \"boards\": [ }", "not valid JSON at line 1")]
    [TestCase("", "not valid JSON")]
    [TestCase("[1, 2]", "expected object")]
    [TestCase("null", "expected object")]
    public void TextThatIsNotALabIsReportedNotThrown(string text, string words)
    {
        var result = LabConfigLoader.Parse(text, ShippedPath);

        Assert.That(result.Errors.Single().Message, Does.Contain(words));
    }

    [Test]
    public void AMissingFileIsReportedWithItsPath()
    {
        var result = LabConfigLoader.Load("/nonexistent/lab.json");

        Assert.That(result.Errors.Single().Message, Does.Contain("cannot read /nonexistent/lab.json"));
    }
}
