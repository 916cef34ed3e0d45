// The task graph (SPEC §2): one engine process per step task, no Creatio logic here.

// Targets, commands and the ConnectIdentity order: protocol.cake, the table the engine reads.

void DefineTasks(BuildParameters parameters, IEngineHost host)
{
    Teardown(context =>
    {
        // Whatever happened: no cached Creatio session outlives the run.
        try
        {
            ReportToGitHub(parameters, context); // github.cake: --check-run, --github-issue
        }
        finally
        {
            // The run's private folder: the session files (one per environment).
            if (parameters.HasRunDirectory)
            {
                System.IO.Directory.Delete(parameters.RunDirectory.FullPath, recursive: true);
            }
        }
    });

    // What Cake itself costs: warm ConnectIdentity should stay within 1.5x of this target.
    Task("Empty")
        .Description("Does nothing; the baseline for timing the other targets.");

    Task("PrepareEngine")
        .Description("Makes the engine ready: the installed tool, or in a clone a build when a source is newer than the last.")
        .Does(() => engine = host.Prepare(Context, parameters));

    EngineTask(parameters, "Validate", "Parses and checks the YAML; no network.");
    EngineTask(parameters, "Preflight", "Checks the Identity Service and the Creatio login from the runner.");
    EngineTask(parameters, "Plan", "Lists every write ConnectIdentity would make (features and their cache, settings, the default resource, apps); writes nothing. Exit 2 when changes are pending.");
    EngineTask(parameters, "EnableFeature", "Turns on the features for all users.");
    EngineTask(parameters, "ApplySettings", "Writes the OAuth system settings.");
    EngineTask(parameters, "TestConnection", "Creatio -> Identity Service, as the Test connection button.");
    EngineTask(parameters, "Diagnose", "The Diagnostic tab: fails on any red check.");
    EngineTask(parameters, "OAuthApps", "The OAuth 2.0 integrated applications of oauthApps:, created or updated, each proven with its own token.");

    var connect = Task("ConnectIdentity")
        .Description("Validate, Preflight, EnableFeature, ApplySettings, TestConnection, Diagnose, OAuthApps.");
    if (parameters.HasEnvironments)
    {
        // Several sites: one engine process runs the whole sequence for each, concurrently, so
        // that a site failing a step never stops the others (Cake stops at the first failed task).
        connect.IsDependentOn("PrepareEngine").Does(() => RunEngine(parameters, "connect"));
    }
    else
    {
        foreach (var step in EngineProtocol.ConnectSteps)
        {
            connect.IsDependentOn(step);
        }
    }

    Task("ListEnvironments")
        .Description("Prints the environments of the file as a CI matrix (--format=github|azure); needs no secret.")
        .IsDependentOn("PrepareEngine")
        .Does(() => RunEngine(parameters, "list-environments", "--format", parameters.MatrixFormat));

    Task("RotateSecrets")
        .Description("New credentials for one app of oauthApps: (--app NAME), delivered and proven before the old ones stop working.")
        .IsDependentOn("PrepareEngine")
        .Does(() => RunEngine(parameters, "rotate-secrets", "--app", parameters.App));

    // --github-issue=true then keeps one issue per red environment (the Teardown, github.cake).
    EngineTask(parameters, "Monitor", "Read-only, for a schedule: Preflight and Diagnose per environment; writes nothing to Creatio.");

    // The engine starts the sandbox it carries, runs connect against it (its own sandbox file
    // unless --config says otherwise) and stops it, also when the run fails.
    Task("Sandbox")
        .Description("Starts the sandbox, runs ConnectIdentity against it, stops it.")
        .IsDependentOn("PrepareEngine")
        .Does(() => RunEngine(parameters, "sandbox", ["--sandbox-runtime", parameters.SandboxRuntime.ToLowerInvariant(), .. host.SandboxArguments(parameters)]));
}

void EngineTask(BuildParameters parameters, string name, string description)
{
    var command = EngineProtocol.Commands[name];
    Task(name)
        .Description(description)
        .IsDependentOn("PrepareEngine")
        .Does(() => RunEngine(parameters, command));
}
