using System.CommandLine;
using CreatioIdentity;
using CreatioIdentity.Agents;
using CreatioIdentity.Commands;
using CreatioIdentity.OAuthApps;
using CreatioIdentity.Tracing;

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
var environmentOption = new Option<string[]>("--environment")
{
    Description = "With environments: in the file, the environment to run (repeatable, or comma-separated), or 'all'. A single-site file takes none.",
    Recursive = true,
};
var parallelOption = new Option<int>("--parallel")
{
    Description = $"How many environments run at once (1 to {RunSelection.MaxParallel}).",
    DefaultValueFactory = _ => RunSelection.DefaultParallel,
    Recursive = true,
};
parallelOption.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() is < 1 or > RunSelection.MaxParallel)
    {
        result.AddError($"--parallel must be a whole number from 1 to {RunSelection.MaxParallel}.");
    }
});
var traceOption = new Option<string?>("--trace-http")
{
    Description = "Write every exchange with Creatio and the Identity Service to FILE as a HAR 1.2 trace (secrets redacted), for a bug report.",
    HelpName = "FILE",
    Recursive = true,
};
traceOption.Validators.Add(result =>
{
    var path = result.GetValueOrDefault<string?>();
    if (string.IsNullOrWhiteSpace(path))
    {
        result.AddError("--trace-http needs a file name, such as trace.har.");
    }
    else if (HarFile.Problem(path) is { } problem)
    {
        result.AddError(problem);
    }
});
root.Options.Add(configOption);
root.Options.Add(reportDirOption);
root.Options.Add(environmentOption);
root.Options.Add(parallelOption);
root.Options.Add(traceOption);

RunSelection Selection(ParseResult parse) => new(parse.GetValue(environmentOption) ?? [], parse.GetValue(parallelOption));

var appOption = new Option<string>("--app")
{
    Description = "The app of oauthApps: to give new credentials (its name in the file).",
    Required = true,
};
foreach (var engineCommand in EngineCommands.All)
{
    var command = new Command(engineCommand.Name, EngineCommands.Help(engineCommand.Name));
    var rotates = engineCommand.Name == RotateSecretsStep.CommandName;
    if (rotates)
    {
        command.Options.Add(appOption);
    }

    command.SetAction((parse, cancellationToken) =>
        new CommandRunner(agent, Environment.GetEnvironmentVariable) { TracePath = parse.GetValue(traceOption) }.RunAsync(
            rotates ? EngineCommands.RotateSecrets(parse.GetValue(appOption)!) : engineCommand,
            parse.GetValue(configOption)!, parse.GetValue(reportDirOption)!, Selection(parse), cancellationToken));
    root.Subcommands.Add(command);
}

var formatOption = new Option<string>("--format")
{
    Description = "github: {\"environment\":[...]} for strategy.matrix through fromJSON; azure: {\"NAME\":{\"environment\":\"NAME\"}} for an Azure Pipelines matrix.",
    DefaultValueFactory = _ => ListEnvironmentsCommand.GitHubFormat,
};
formatOption.AcceptOnlyFromAmong(ListEnvironmentsCommand.GitHubFormat, ListEnvironmentsCommand.AzureFormat);
var listEnvironments = new Command("list-environments", EngineCommands.Help("list-environments")) { formatOption };
listEnvironments.SetAction(parse => ListEnvironmentsCommand.Run(
    agent, Environment.GetEnvironmentVariable, Console.Out, parse.GetValue(configOption)!, parse.GetValue(formatOption)!, Selection(parse)));
root.Subcommands.Add(listEnvironments);

root.Subcommands.Add(SandboxCommand.Create(configOption, reportDirOption, agent, Selection, traceOption));
root.Subcommands.Add(GitHubCommand.Create(reportDirOption, agent, Environment.GetEnvironmentVariable));

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

try
{
    // Not System.CommandLine's own handler: it would print the exception unmasked.
    return await parseResult.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception exception) when (exception is not OperationCanceledException)
{
    agent.Error($"creatio-identity stopped on an unexpected {exception.GetType().Name}; please report it: {exception}");
    return ExitCodes.Failed;
}
