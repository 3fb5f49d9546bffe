namespace Lab.TestCases.Model;

/// <summary>
/// One test case: a stable dotted id <c>vfio.&lt;driver-or-common&gt;.&lt;area&gt;.&lt;case&gt;</c>, what it needs,
/// and the run. Adding a case is one new class plus one line in <see cref="Catalog"/>.
/// </summary>
public interface IVfioCase
{
    /// <summary>The stable id, e.g. <c>vfio.common.container.api_version</c>.</summary>
    string Id { get; }

    /// <summary>One line on what it checks.</summary>
    string Description { get; }

    /// <summary>What it needs.</summary>
    Requirements Requirements { get; }

    /// <summary>Runs it. Expected failures are outcomes; an exception is a harness error.</summary>
    CaseOutcome Run(CaseContext context);
}
