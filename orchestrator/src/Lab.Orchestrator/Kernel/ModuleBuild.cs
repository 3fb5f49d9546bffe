using System.Text.Json;

namespace Lab.Orchestrator.Kernel;

/// <summary>Calls kernel/build-modules.sh and reads its manifest. Failures (a patch that does not apply, a compile error) surface as <see cref="KernelScriptException"/> with the log tail.</summary>
internal sealed class ModuleBuild(ScriptRunner runner, string logDirectory)
{
    private readonly ScriptRunner _runner = runner;
    private readonly string _logDirectory = logDirectory;

    /// <summary>Builds (or finds in the cache) the modules for <paramref name="request"/>.</summary>
    public async Task<ModuleBuildResult> BuildAsync(ModuleBuildRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var script = Path.Combine(LabRoot.KernelDirectory(), "build-modules.sh");
        List<string> args = request.Headers is { } headers
            ? ["--headers", headers, "--arch", request.Arch ?? throw new ArgumentException("headers need an arch", nameof(request))]
            : ["--kernel-env", request.KernelEnvPath ?? throw new ArgumentException("a kernel.env or headers are needed", nameof(request))];
        if (request.SourceTree is not null)
        {
            args.AddRange(["--source-tree", request.SourceTree]);
            if (request.Revision is not null)
            {
                args.AddRange(["--revision", request.Revision]);
            }
        }

        if (request.PatchDirectory is not null)
        {
            args.AddRange(["--patches", request.PatchDirectory]);
        }

        var log = Path.Combine(_logDirectory, "build-modules.log");
        var result = await _runner.RunAsync(script, args, log, TimeSpan.FromMinutes(20), ct).ConfigureAwait(false);
        return await ReadManifestAsync(result.LastLine, log, result.Duration, ct).ConfigureAwait(false);
    }

    /// <summary>Reads manifest.json of a module output dir.</summary>
    public static async Task<ModuleBuildResult> ReadManifestAsync(string outputDirectory, string scriptLog, TimeSpan duration, CancellationToken ct)
    {
        var manifestPath = Path.Combine(outputDirectory, "manifest.json");
        var stream = File.OpenRead(manifestPath);
        await using (stream.ConfigureAwait(false))
        {
            using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            var root = doc.RootElement;
            var modules = root.GetProperty("modules").EnumerateArray()
                .Select(m => new BuiltModule(
                    m.GetProperty("name").GetString()!,
                    Path.Combine(outputDirectory, m.GetProperty("file").GetString()!),
                    m.GetProperty("sha256").GetString()!,
                    m.GetProperty("vermagic").GetString() ?? string.Empty,
                    m.TryGetProperty("depends", out var d) && d.GetString() is { Length: > 0 } list ? list.Split(',') : []))
                .ToList();
            return new ModuleBuildResult(outputDirectory, root.GetProperty("key").GetString()!,
                root.GetProperty("kernelRelease").GetString()!, modules, Path.Combine(outputDirectory, "build.log"), scriptLog, duration);
        }
    }
}
