namespace Lab.Orchestrator.Tests.Support;

/// <summary>Stops the shared board after the last test of the assembly.</summary>
[SetUpFixture]
public sealed class QemuTestTeardown
{
    [OneTimeTearDown]
    public async Task StopSharedBoard() => await SharedQemuBoard.DisposeAsync();
}
