using System.CommandLine;
using CreatioIdentity.Agents;
using CreatioIdentity.Commands;

var agent = BuildAgents.Detect(Environment.GetEnvironmentVariable);
var root = new RootCommand("creatio-identity: connect Creatio's Identity Service to Creatio from a YAML file, and prove that it works.");
var configOption = new Option<string>("--config")
{
    Description = "The YAML file that describes Creatio and its Identity Service.",
    DefaultValueFactory = _ => "creatio-identity.yml",
    Recursive = true,
};
var reportDirOption = new Option<string>("--report-dir")
{
    Description = "Where report.json, junit.xml and summary.md are written.",
    DefaultValueFactory = _ => Path.Combine("artifacts", "creatio-identity"),
    Recursive = true,
};
root.Options.Add(configOption);
root.Options.Add(reportDirOption);

foreach (var engineCommand in EngineCommands.All)
{
    var command = new Command(engineCommand.Name, $"{engineCommand.Description} (Cake target {engineCommand.CakeTarget})");
    command.SetAction((parse, cancellationToken) =>
        new CommandRunner(agent, Environment.GetEnvironmentVariable).RunAsync(
            engineCommand, parse.GetValue(configOption)!, parse.GetValue(reportDirOption)!, cancellationToken));
    root.Subcommands.Add(command);
}

root.Subcommands.Add(SandboxCommand.Create(configOption, reportDirOption, agent));

var parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
{
    foreach (var error in parseResult.Errors)
    {
        agent.Error(error.Message);
    }

    agent.Info("Run 'creatio-identity --help' for the commands and options.");
    return ExitCodes.InvalidConfiguration;
}

return await parseResult.InvokeAsync();
