using Lab.Orchestrator.Core.Pipeline;

namespace Lab.Orchestrator.Core.Boards;

/// <summary>The built modules a load plan names, ordered so that each comes after the built modules it depends on.</summary>
public static class ModuleLoadOrder
{
    /// <summary>
    /// The plan's modules that were built, in dependency order (ties keep the plan's order), each with its
    /// parameters. A planned module that was not built is an error naming it.
    /// </summary>
    public static IReadOnlyList<(BoardModule Module, IReadOnlyList<string> Parameters)> Sort(IReadOnlyList<VfioModuleLoad> plan, IReadOnlyList<BoardModule> built)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(built);
        var byName = built.ToDictionary(m => ModuleLoadPlan.Normalize(m.Name), StringComparer.Ordinal);
        var wanted = new List<(BoardModule Module, IReadOnlyList<string> Parameters)>();
        foreach (var load in plan)
        {
            if (!byName.TryGetValue(ModuleLoadPlan.Normalize(load.Module), out var module))
            {
                throw new InvalidOperationException(
                    $"module '{load.Module}' is to be loaded but the build made none (built: {string.Join(", ", built.Select(b => b.Name))})");
            }

            wanted.Add((module, load.Parameters));
        }

        // A dependency that was built but not planned is loaded too, without parameters: insmod fails without it.
        var names = wanted.Select(w => ModuleLoadPlan.Normalize(w.Module.Name)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < wanted.Count; i++)
        {
            foreach (var d in wanted[i].Module.Depends.Select(ModuleLoadPlan.Normalize))
            {
                if (byName.TryGetValue(d, out var dependency) && names.Add(d))
                {
                    wanted.Add((dependency, []));
                }
            }
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<(BoardModule, IReadOnlyList<string>)>();
        while (ordered.Count < wanted.Count)
        {
            var next = wanted.FirstOrDefault(w => !done.Contains(ModuleLoadPlan.Normalize(w.Module.Name))
                && w.Module.Depends.All(d => !names.Contains(ModuleLoadPlan.Normalize(d)) || done.Contains(ModuleLoadPlan.Normalize(d))));
            if (next.Module is null)
            {
                var left = wanted.Where(w => !done.Contains(ModuleLoadPlan.Normalize(w.Module.Name))).Select(w => w.Module.Name);
                throw new InvalidOperationException($"the modules {string.Join(", ", left)} depend on each other in a circle");
            }

            ordered.Add(next);
            done.Add(ModuleLoadPlan.Normalize(next.Module.Name));
        }

        return ordered;
    }
}
