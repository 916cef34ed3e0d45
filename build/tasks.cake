// The task graph (SPEC §2): one engine process per step task, no Creatio logic here.

// The ConnectIdentity sequence, in order.
static readonly string[] ConnectSteps = ["Validate", "Preflight", "EnableFeature", "ApplySettings", "TestConnection", "Diagnose"];

SandboxProcess sandbox;

void DefineTasks(BuildParameters parameters)
{
    Teardown(context =>
    {
        // Whatever happened: no sandbox and no cached Creatio session outlive the run.
        try
        {
            sandbox?.Stop();
        }
        finally
        {
            // The run's private folder: the session files (one per environment) and the ready file.
            if (parameters.HasRunDirectory)
            {
                System.IO.Directory.Delete(parameters.RunDirectory.FullPath, recursive: true);
            }
        }

        ReportToGitHub(parameters, context); // build/github.cake: --check-run, --github-issue
    });

    // What Cake itself costs: warm ConnectIdentity should stay within 1.5x of this target.
    Task("Empty")
        .Description("Does nothing; the baseline for timing the other targets.");

    Task("BuildEngine")
        .Description("Builds the engine (natively, else for the JIT) when a source is newer than the last build.")
        .Does(() => PrepareEngine(parameters));

    Task("BuildSandbox")
        .Description("Builds the sandbox when a source is newer than CreatioIdentity.Sandbox.dll.")
        .Does(() => BuildIfStale(parameters, parameters.SandboxProject, parameters.SandboxDll, parameters.SandboxDllGiven));

    EngineTask(parameters, "Validate", "Parses and checks the YAML; no network.");
    EngineTask(parameters, "Preflight", "Checks the Identity Service and the Creatio login from the runner.");
    EngineTask(parameters, "Plan", "Prints the changes EnableFeature and ApplySettings would make (exit 2 when any).");
    EngineTask(parameters, "EnableFeature", "Turns on the features for all users.");
    EngineTask(parameters, "ApplySettings", "Writes the OAuth system settings.");
    EngineTask(parameters, "TestConnection", "Creatio -> Identity Service, as the Test connection button.");
    EngineTask(parameters, "Diagnose", "The Diagnostic tab: fails on any red check.");

    var connect = Task("ConnectIdentity")
        .Description("Validate, Preflight, EnableFeature, ApplySettings, TestConnection, Diagnose.");
    if (parameters.HasEnvironments)
    {
        // Several sites: one engine process runs the whole sequence for each, concurrently, so
        // that a site failing a step never stops the others (Cake stops at the first failed task).
        connect.IsDependentOn("BuildEngine").Does(() => RunEngine(parameters, "connect", sandbox?.Ready?.EngineEnvironment()));
    }
    else
    {
        foreach (var step in ConnectSteps)
        {
            connect.IsDependentOn(step);
        }
    }

    Task("ListEnvironments")
        .Description("Prints the environments of the file as a CI matrix (--format=github|azure); needs no secret.")
        .IsDependentOn("BuildEngine")
        .Does(() => RunEngine(parameters, "list-environments", null, "--format", parameters.MatrixFormat));

    // --github-issue=true then keeps one issue per red environment (the Teardown, build/github.cake).
    EngineTask(parameters, "Monitor", "Read-only, for a schedule: Preflight and Diagnose per environment; writes nothing to Creatio.");

    Task("StartSandbox")
        .Description("Starts the sandbox and waits until it listens.")
        .IsDependentOn("BuildEngine")
        .IsDependentOn("BuildSandbox")
        .Does(() =>
        {
            Information("Starting the sandbox ({0} runtime).", parameters.SandboxRuntime);
            sandbox = SandboxProcess.Start(Context, parameters);
            var ready = sandbox.WaitUntilReady();
            Information("Sandbox ready: Creatio {0}, Identity Service {1}.", ready.CreatioUrl, ready.IdentityServiceUrl);
        });

    // Dependencies run in the order declared: the sandbox first, then the whole sequence.
    Task("Sandbox")
        .Description("Starts the sandbox, runs ConnectIdentity against it, stops it.")
        .IsDependentOn("StartSandbox")
        .IsDependentOn("ConnectIdentity")
        .Does(() => Information("Connected to the sandbox; report: {0}.", parameters.ReportDirectory.CombineWithFilePath("report.json")));
}

static void DeleteIfExists(FilePath file)
{
    if (System.IO.File.Exists(file.FullPath))
    {
        System.IO.File.Delete(file.FullPath);
    }
}

void EngineTask(BuildParameters parameters, string name, string description)
{
    var command = BuildParameters.EngineCommands[name];
    Task(name)
        .Description(description)
        .IsDependentOn("BuildEngine")
        .Does(() => RunEngine(parameters, command, sandbox?.Ready?.EngineEnvironment()));
}
