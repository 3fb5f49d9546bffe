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

    /// <summary>
    /// The plan for a kernel's <paramref name="moduleParams"/>; with <paramref name="built"/> (the module names the
    /// build made), the load order's modules that kernel does not have are left out (6.12 folds vfio_virqfd into
    /// vfio). A module only lab.json names stays, so a misspelt one still fails its load.
    /// </summary>
    public static IReadOnlyList<VfioModuleLoad> For(IReadOnlyDictionary<string, string> moduleParams, IReadOnlyCollection<string>? built = null)
    {
        ArgumentNullException.ThrowIfNull(moduleParams);
        var byName = moduleParams.ToDictionary(p => Normalize(p.Key), p => Words(p.Value), StringComparer.Ordinal);
        var have = built?.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var plan = VfioModuleLoad.Defaults
            .Where(m => have is null || have.Contains(Normalize(m.Module)))
            .Select(m => new VfioModuleLoad(m.Module, byName.TryGetValue(Normalize(m.Module), out var p) ? p : []))
            .ToList();
        var known = plan.Select(m => Normalize(m.Module)).ToHashSet(StringComparer.Ordinal);
        plan.AddRange(moduleParams.Where(p => !known.Contains(Normalize(p.Key))).Select(p => new VfioModuleLoad(p.Key, Words(p.Value))));
        return plan;
    }

    private static string[] Words(string value) => value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
