using Lab.Orchestrator.Core.Results;

namespace Lab.Orchestrator.Coverage;

/// <summary>A case covering a cell on one driver, with its last status there (null: no result yet).</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Status">Its last status on a device of that driver.</param>
internal sealed record CoveringCase(string CaseId, TestStatus? Status);
