using System.Diagnostics;
using System.Runtime.InteropServices;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Sandbox.Cli;

SandboxArguments arguments;
try
{
    arguments = SandboxArguments.Parse(args);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    await Console.Error.WriteLineAsync(SandboxArguments.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true; // stop cleanly below instead of being killed
    stop.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

SandboxHost sandboxHost;
try
{
    sandboxHost = await SandboxHost.StartAsync(arguments.Options, stop.Token);
}
catch (ArgumentException exception)
{
    // A variant Creatio does not have (an unknown unit in --feature-override, a host switch as a database feature).
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

await using var sandbox = sandboxHost;

if (arguments.ReadyFile is not null)
{
    await ReadyFile.From(sandbox).WriteAsync(arguments.ReadyFile, stop.Token);
}

Console.WriteLine(
    $"Sandbox ready: Creatio {sandbox.CreatioUrl} ({SandboxArguments.RuntimeName(sandbox.Options.Runtime)}), " +
    $"Identity Service {sandbox.IdentityServiceUrl}");

try
{
    await (arguments.ParentPid is { } parentPid ? WatchParentAsync(parentPid, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token));
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}

// The folder may be gone already: whoever started the sandbox cleans up its own folder.
if (arguments.ReadyFile is not null && Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(arguments.ReadyFile))))
{
    File.Delete(arguments.ReadyFile);
}

Console.WriteLine("Sandbox stopped.");
return 0;

// Outlives nobody: a sandbox whose parent (the Cake run) has gone stops by itself.
static async Task WatchParentAsync(int parentPid, CancellationToken cancellationToken)
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
    do
    {
        if (!IsRunning(parentPid))
        {
            Console.WriteLine($"Parent process {parentPid} has exited.");
            return;
        }
    }
    while (await timer.WaitForNextTickAsync(cancellationToken));
}

static bool IsRunning(int pid)
{
    try
    {
        using var process = Process.GetProcessById(pid);
        return !process.HasExited;
    }
    catch (ArgumentException)
    {
        return false;
    }
}
