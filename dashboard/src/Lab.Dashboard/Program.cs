using Lab.Dashboard;
using Lab.Dashboard.Hosting;

// `dotnet run --project dashboard/src/Lab.Dashboard -- [--urls URL] [--store FILE] [--lab-root DIR] [--token-file FILE]`;
// `./lab dashboard` calls DashboardHost.Build the same way.
try
{
    await using var app = DashboardHost.Build(CommandLine.Parse(args));
    await app.RunAsync();
    return 0;
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
