using Lab.Orchestrator.Boards.Qemu;
using Lab.Orchestrator.Kernel;

namespace Lab.Orchestrator.Tests.Support;

/// <summary>
/// One booted board for all Qemu-category tests (a boot costs seconds under TCG): the real kernel, module and
/// image scripts run once, then the board starts. Disposed by <see cref="QemuTestTeardown"/>.
/// </summary>
internal static class SharedQemuBoard
{
    private static readonly SemaphoreSlim _gate = new(1, 1);
    private static QemuBoard? _board;
    private static BoardImageInfo? _image;
    private static ModuleBuildResult? _modules;
    private static Exception? _failure;

    public static string LogDirectory { get; } = Directory.CreateTempSubdirectory("vfiolab-test-logs-").FullName;

    public static async Task<BoardImageInfo> ImageAsync(CancellationToken ct)
    {
        await EnsureImageAsync(ct);
        return _image!;
    }

    public static async Task<ModuleBuildResult> ModulesAsync(CancellationToken ct)
    {
        await EnsureImageAsync(ct);
        return _modules!;
    }

    public static async Task<QemuBoard> GetAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_failure is not null)
            {
                Assert.Fail("the shared board did not come up: " + _failure.Message);
            }

            if (_board is { HasExited: false })
            {
                return _board;
            }

            try
            {
                var image = await BuildImageLockedAsync(ct);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                _board = await QemuBoard.StartAsync(
                    QemuBoardOptions.FromImage(image, Directory.CreateTempSubdirectory("vfiolab-board-").FullName), TimeProvider.System, ct);
                TestContext.Progress.WriteLine($"shared board SSH-ready in {clock.Elapsed.TotalSeconds:F1} s: 127.0.0.1:{_board.SshPort}, pid {_board.ProcessId}");
                return _board;
            }
            catch (Exception e) when (e is QemuBoardException or KernelScriptException)
            {
                _failure = e;
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public static async Task DisposeAsync()
    {
        if (_board is not null)
        {
            await _board.DisposeAsync();
            _board = null;
        }
    }

    private static async Task EnsureImageAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await BuildImageLockedAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<BoardImageInfo> BuildImageLockedAsync(CancellationToken ct)
    {
        if (_image is not null)
        {
            return _image;
        }

        Prerequisites.RequireQemuBoardHost();
        var runner = new ScriptRunner(TimeProvider.System);
        var kernel = await new DebianKernel(runner, LogDirectory).FetchAsync("arm64", ct);
        _modules = await new ModuleBuild(runner, LogDirectory).BuildAsync(new ModuleBuildRequest(kernel.EnvPath), ct);
        _image = await new BoardImage(runner, LogDirectory).BuildAsync(kernel.EnvPath, _modules.OutputDirectory, null, ct);
        return _image;
    }
}
