using System.CommandLine;
using System.Globalization;
using CreatioIdentity.Bench;

// Issue 5's benchmark: ConnectIdentity and Monitor over 1, 10 and 50 Creatio sites with 0, 20 and
// 100 ms of latency per Creatio request. The sites are fresh sandboxes in this process; the engine
// runs as its own process, so its wall time and peak memory are its own.
var engineOption = new Option<string>("--engine")
{
    Description = "The engine: the native executable, or a creatio-identity.dll (run with dotnet).",
    Required = true,
};
var latencyOption = new Option<int[]>("--latency-ms")
{
    Description = "Latency added to every Creatio request, in milliseconds.",
    DefaultValueFactory = _ => [0, 20, 100],
    AllowMultipleArgumentsPerToken = true,
};
var sitesOption = new Option<int[]>("--environments")
{
    Description = "How many Creatio sites (environments) in the file.",
    DefaultValueFactory = _ => [1, 10, 50],
    AllowMultipleArgumentsPerToken = true,
};
var parallelOption = new Option<int?>("--parallel")
{
    Description = "The engine's --parallel; by default as many as there are environments.",
};
var root = new RootCommand("Benchmark of creatio-identity over many Creatio sites (issue 5).")
{
    engineOption, latencyOption, sitesOption, parallelOption,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var engine = Path.GetFullPath(parse.GetValue(engineOption)!);
    var rows = new List<Measurement>();
    Console.WriteLine("| latency | environments | parallel | command | exit | wall s | × one site | Creatio requests / env | logins / env | writes / env | peak MB |");
    Console.WriteLine("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var latency in parse.GetValue(latencyOption)!)
    {
        foreach (var sites in parse.GetValue(sitesOption)!)
        {
            var parallel = parse.GetValue(parallelOption) ?? sites;
            await using var fleet = await SandboxFleet.StartAsync(sites, TimeSpan.FromMilliseconds(latency), cancellationToken);
            var work = Directory.CreateTempSubdirectory("creatio-identity-bench-");
            try
            {
                var config = Path.Combine(work.FullName, "sites.yml");
                await File.WriteAllTextAsync(config, fleet.Configuration(), cancellationToken);
                foreach (var command in (string[])["connect", "monitor"])
                {
                    fleet.ClearRecords();
                    string[] arguments = [.. Launcher.Prefix(engine), command, "--config", config, "--report-dir", Path.Combine(work.FullName, command), "--environment", "all", "--parallel", parallel.ToString(CultureInfo.InvariantCulture)];
                    var run = await EngineRun.RunAsync(Launcher.Executable(engine), arguments, fleet.Credentials(), cancellationToken);
                    var measurement = new Measurement(latency, sites, parallel, command, run, fleet.Requests, fleet.Logins, fleet.Writes);
                    rows.Add(measurement);
                    Console.WriteLine(measurement.Row(rows));
                    if (run.ExitCode != 0 || (command == "connect" && !fleet.AllConnected()))
                    {
                        await Console.Error.WriteLineAsync($"{command} over {sites} sites at {latency} ms ended with exit {run.ExitCode}; the sites connected: {fleet.AllConnected()}. Its output:");
                        await Console.Error.WriteLineAsync(run.Output);
                        return 1;
                    }
                }
            }
            finally
            {
                work.Delete(recursive: true);
            }
        }
    }

    Console.WriteLine();
    foreach (var line in Measurement.Verdicts(rows))
    {
        Console.WriteLine(line);
    }

    return 0;
});
return await root.Parse(args).InvokeAsync();
