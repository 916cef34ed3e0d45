// The sandbox as a child process: started before the steps, always stopped in Teardown.

using System.Text.Json;

public sealed class SandboxReady
{
    public string CreatioUrl { get; set; }
    public string IdentityServiceUrl { get; set; }
    public string CreatioUsername { get; set; }
    public string CreatioPassword { get; set; }
    public string ClientId { get; set; }
    public string ClientSecret { get; set; }
    public string Runtime { get; set; }
    public int Pid { get; set; }

    // What examples/sandbox.yml reads through ${VAR}s.
    public IDictionary<string, string> EngineEnvironment() => new Dictionary<string, string>
    {
        ["SANDBOX_CREATIO_URL"] = CreatioUrl,
        ["SANDBOX_IDENTITY_URL"] = IdentityServiceUrl,
        ["CREATIO_USERNAME"] = CreatioUsername,
        ["CREATIO_PASSWORD"] = CreatioPassword,
        ["IDENTITY_CLIENT_ID"] = ClientId,
        ["IDENTITY_CLIENT_SECRET"] = ClientSecret,
    };
}

public sealed class SandboxProcess
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private readonly IProcess _process;
    private readonly FilePath _readyFile;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _tail = new();

    // Cake's WaitForExit(timeout) kills the process when the timeout passes, so it cannot poll;
    // one untimed wait in the background tells when the sandbox is gone.
    private readonly System.Threading.Tasks.Task _exited;

    private SandboxProcess(IProcess process, FilePath readyFile)
    {
        _process = process;
        _readyFile = readyFile;
        _exited = System.Threading.Tasks.Task.Run(() => process.WaitForExit());
    }

    public SandboxReady Ready { get; private set; }

    public static SandboxProcess Start(ICakeContext context, BuildParameters parameters)
    {
        SandboxProcess sandbox = null;
        var settings = new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder()
                .AppendQuoted(parameters.SandboxDll.FullPath)
                .Append("--runtime").Append(parameters.SandboxRuntime.ToLowerInvariant())
                .Append("--ready-file").AppendQuoted(parameters.SandboxReadyFile.FullPath)
                .Append("--parent-pid").Append(Environment.ProcessId.ToString()),
            WorkingDirectory = parameters.SandboxDll.GetDirectory(),
            // The sandbox's own log would drown the steps' output; keep its tail for failures.
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectedStandardOutputHandler = line => sandbox?.Keep(line),
            RedirectedStandardErrorHandler = line => sandbox?.Keep(line),
        };
        sandbox = new SandboxProcess(context.StartAndReturnProcess(DotNetHost.Path, settings), parameters.SandboxReadyFile);
        return sandbox;
    }

    // Waits (bounded) for the ready file the sandbox writes once it listens.
    public SandboxReady WaitUntilReady()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (TryReadReadyFile(out var ready))
            {
                return Ready = ready;
            }

            if (_exited.Wait(100))
            {
                throw new CakeException(1, $"The sandbox exited with code {_process.GetExitCode()} before it was ready.{Tail()}");
            }
        }

        throw new CakeException(1, $"The sandbox was not ready within {ReadyTimeout.TotalSeconds:0} s.{Tail()}");
    }

    public void Stop()
    {
        try
        {
            if (!_exited.IsCompleted)
            {
                _process.Kill();
                _exited.Wait(TimeSpan.FromSeconds(5));
            }
        }
        finally
        {
            DeleteIfExists(_readyFile);
        }
    }

    private bool TryReadReadyFile(out SandboxReady ready)
    {
        ready = null;
        // The sandbox renames a new file into place; a link there is nobody's ready file.
        var file = new System.IO.FileInfo(_readyFile.FullPath);
        if (!file.Exists || file.LinkTarget is not null)
        {
            return false;
        }

        try
        {
            ready = JsonSerializer.Deserialize<SandboxReady>(
                System.IO.File.ReadAllText(_readyFile.FullPath),
                new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
            return ready?.CreatioUrl is not null && ready.IdentityServiceUrl is not null;
        }
        catch (Exception ex) when (ex is System.IO.IOException or JsonException)
        {
            return false; // Still being written or replaced: look again.
        }
    }

    private string Keep(string line)
    {
        _tail.Enqueue(line);
        while (_tail.Count > 40 && _tail.TryDequeue(out _))
        {
        }

        return null;
    }

    private string Tail() =>
        _tail.IsEmpty ? string.Empty : Environment.NewLine + "Sandbox output (last lines):" + Environment.NewLine + string.Join(Environment.NewLine, _tail);
}
