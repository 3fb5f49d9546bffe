using System.CommandLine;
using Lab.Orchestrator.Core.Config;
using Lab.Results;

namespace Lab.Orchestrator.Cli;

/// <summary>Finds lab.json and the store the way every subcommand does.</summary>
internal static class LabContext
{
    /// <summary>The optional <c>lab.json</c> argument every subcommand takes.</summary>
    public static Argument<string?> LabJsonArgument() =>
        new("lab.json") { Description = "The lab inventory (default: ./lab.json)", Arity = ArgumentArity.ZeroOrOne };

    /// <summary>lab.json as given, else in the current folder, else beside the <c>lab</c> script.</summary>
    public static string LabJsonPath(string? given)
    {
        if (!string.IsNullOrEmpty(given))
        {
            return Path.GetFullPath(given);
        }

        var here = Path.GetFullPath("lab.json");
        if (File.Exists(here))
        {
            return here;
        }

        var root = Environment.GetEnvironmentVariable("LAB_ROOT");
        return root is null ? here : Path.Combine(root, "lab.json");
    }

    /// <summary>Loads lab.json; on errors prints every one to stderr and returns null.</summary>
    public static LabConfigResult? LoadOrReport(string? given, TextWriter error)
    {
        var result = LabConfigLoader.Load(LabJsonPath(given));
        if (result.IsValid)
        {
            return result;
        }

        error.WriteLine($"{result.Path}: {result.Errors.Count} problem{(result.Errors.Count == 1 ? string.Empty : "s")}:");
        foreach (var e in result.Errors)
        {
            // A bad value is echoed shortened and with its control characters escaped (it may be megabytes, or hostile).
            error.WriteLine($"  {Core.Text.Escape(e.Path, 200)}: {Core.Text.Escape(e.Message, 400)}");
        }

        return null;
    }

    /// <summary>The store file lab.json names, or the default beside it.</summary>
    public static string StorePath(LabConfigResult lab) =>
        lab.Config?.Store is { } store ? Path.GetFullPath(store, lab.Directory) : StorePaths.DefaultFor(lab.Path);

    /// <summary>
    /// Loads lab.json and opens its store; null when either fails, after printing why, with the exit code to return in
    /// <paramref name="failed"/> (2 for lab.json, 3 for the store).
    /// </summary>
    public static LabSession? Open(string? given, bool readOnly, out int failed)
    {
        failed = ExitCodes.BadInput;
        if (LoadOrReport(given, Console.Error) is not { } lab)
        {
            return null;
        }

        failed = ExitCodes.Infrastructure;
        return OpenStore(StorePath(lab), readOnly) is { } store ? new LabSession(lab, store) : null;
    }

    /// <summary>
    /// Opens the store; a writer also marks runs whose writer died as incomplete. A reader (<paramref name="readOnly"/>)
    /// never changes the file. On failure prints one line naming the store and returns null (exit 3).
    /// </summary>
    public static LiteDbResultStore? OpenStore(string path, bool readOnly = false)
    {
        LiteDbResultStore? store = null;
        try
        {
            store = new LiteDbResultStore(path, readOnly: readOnly);
            if (!readOnly)
            {
                foreach (var id in store.MarkAbandonedRuns(ProcessLiveness.IsAlive))
                {
                    Console.Error.WriteLine($"run {id}: its writer ended without finishing it; marked incomplete (results kept)");
                }
            }

            return store;
        }
        catch (StoreException ex)
        {
            store?.Dispose();
            Console.Error.WriteLine("lab: " + ex.Message);
            return null;
        }
    }
}
