using Lab.Results;

namespace Lab.Dashboard.Hosting;

/// <summary>
/// The dashboard's own command line for <c>dotnet run</c>:
/// <c>[--urls URLS] [--store FILE] [--lab-root DIR] [--token-file FILE] [--allow-remote]</c>.
/// </summary>
internal static class CommandLine
{
    public static DashboardOptions Parse(IReadOnlyList<string> args)
    {
        string? urls = null, store = null, root = null, token = null;
        var allowRemote = false;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--urls": urls = Value(); break;
                case "--store": store = Value(); break;
                case "--lab-root": root = Value(); break;
                case "--token-file": token = Value(); break;
                case "--allow-remote": allowRemote = true; break;
                default: throw new ArgumentException($"unknown option '{args[i]}'; use --urls, --store, --lab-root, --token-file, --allow-remote");
            }
        }

        var labRoot = Path.GetFullPath(root ?? Directory.GetCurrentDirectory());
        return new DashboardOptions
        {
            Urls = urls ?? DashboardOptions.DefaultUrls,
            StorePath = store ?? StorePaths.DefaultFor(Path.Combine(labRoot, "lab.json")),
            TokenFile = token,
            AllowRemote = allowRemote,
        };
    }
}
