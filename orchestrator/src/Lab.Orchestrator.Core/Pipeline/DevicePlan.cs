namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>The cases one device runs in each pass, and the matching cases that cannot apply to it.</summary>
/// <param name="Device">The device name from lab.json.</param>
/// <param name="Cases">First pass (the devices at once, each in its own lane), in catalog order.</param>
/// <param name="StressCases">Second pass (all devices at once).</param>
/// <param name="NotApplicable">Matching cases left out, with the reason (never run, never stored).</param>
public sealed record DevicePlan(
    string Device, IReadOnlyList<string> Cases, IReadOnlyList<string> StressCases, IReadOnlyList<(string Case, string Reason)> NotApplicable);
