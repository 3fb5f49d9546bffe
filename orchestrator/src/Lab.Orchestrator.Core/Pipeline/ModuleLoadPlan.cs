using Lab.Orchestrator.Core.Boards;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// The modules to load on a board: the board parts' load order (<see cref="VfioModuleLoad.Defaults"/>) with the
/// parameters lab.json gives the kernel (<c>moduleParams</c>) instead of the built-in ones.
/// </summary>
public static class ModuleLoadPlan
{
    /// <summary>Module names compare the way the kernel does: '-' and '_' are the same.</summary>
    public static string Normalize(string module) => module.Replace('-', '_');

    public static IReadOnlyList<VfioModuleLoad> For(IReadOnlyDictionary<string, string> moduleParams)
    {
        ArgumentNullException.ThrowIfNull(moduleParams);
        var byName = moduleParams.ToDictionary(p => Normalize(p.Key), p => Words(p.Value), StringComparer.Ordinal);
        var plan = VfioModuleLoad.Defaults
            .Select(m => new VfioModuleLoad(m.Module, byName.TryGetValue(Normalize(m.Module), out var p) ? p : []))
            .ToList();
        var known = plan.Select(m => Normalize(m.Module)).ToHashSet(StringComparer.Ordinal);
        plan.AddRange(moduleParams.Where(p => !known.Contains(Normalize(p.Key))).Select(p => new VfioModuleLoad(p.Key, Words(p.Value))));
        return plan;
    }

    private static string[] Words(string value) => value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
