using Lab.TestCases.Model;
using Lab.Vfio.Interop;

namespace Lab.TestCases.Cases;

/// <summary><c>VFIO_GET_API_VERSION</c> returns <c>VFIO_API_VERSION</c>.</summary>
public sealed class ApiVersionCase : IVfioCase
{
    /// <inheritdoc/>
    public string Id => "vfio.common.container.api_version";

    /// <inheritdoc/>
    public string Description => "VFIO_GET_API_VERSION on the container returns VFIO_API_VERSION (0)";

    /// <inheritdoc/>
    public Requirements Requirements => Requirements.None;

    /// <inheritdoc/>
    public CaseOutcome Run(CaseContext context)
    {
        if (context is null) { throw new ArgumentNullException(nameof(context)); }
        var version = context.Container.GetApiVersion();
        context.Measure("vfio.api_version", version);
        return version == VfioConstants.VFIO_API_VERSION
            ? CaseOutcome.Pass()
            : CaseOutcome.Fail($"VFIO_GET_API_VERSION returned {version}, expected {VfioConstants.VFIO_API_VERSION}");
    }
}
