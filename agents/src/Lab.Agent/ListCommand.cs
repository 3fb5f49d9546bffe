using Lab.TestCases;

namespace Lab.Agent;

/// <summary><c>lab-agent list</c>: one line per case, <c>id&lt;TAB&gt;needs&lt;TAB&gt;description</c>.</summary>
internal static class ListCommand
{
    public static int Run(TextWriter stdout)
    {
        foreach (var c in Catalog.All)
        {
            stdout.Write(c.Id + "\t" + c.Requirements.Features + "\t" + c.Description + "\n");
        }

        return ExitCodes.Ok;
    }
}
