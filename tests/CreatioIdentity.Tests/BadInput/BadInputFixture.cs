using System.Net;
using System.Net.Sockets;
using CreatioIdentity.Agents;
using CreatioIdentity.Commands;
using CreatioIdentity.Reporting;
using CreatioIdentity.Tests.Integration;
using Spectre.Console;

namespace CreatioIdentity.Tests.BadInput;

/// <summary>
/// The world a bad file meets: the real command path (CommandRunner with the console agent), an
/// environment whose URLs point at a loopback listener that counts every connection made to it,
/// and a folder for the file and the report. A file that is refused must leave the count at zero.
/// </summary>
public sealed class BadInputFixture : IDisposable
{
    public const string Password = "Bad-Input-pa55word";
    public const string ClientSecret = "Bad-Input-client-Secret";

    /// <summary>A valid file; the cases change one thing in it, so the line numbers below are theirs.</summary>
    public const string ValidYaml = """
        version: 1
        creatio:
          url: ${CREATIO_URL}
          username: ${CREATIO_USERNAME}
          password: ${CREATIO_PASSWORD}
        identityService:
          url: ${IDENTITY_URL}
          clientId: ${IDENTITY_CLIENT_ID}
          clientSecret: ${IDENTITY_CLIENT_SECRET}

        """;

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private int connections;

    public BadInputFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;
        System.IO.Directory.CreateDirectory(Directory);
        ConfigPath = Path.Combine(Directory, "creatio-identity.yml");
        ReportDir = Path.Combine(Directory, "artifacts");
        listener.Start();
        accepting = AcceptAsync();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        Environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["CREATIO_URL"] = url,
            ["IDENTITY_URL"] = url,
            ["CREATIO_USERNAME"] = "Supervisor",
            ["CREATIO_PASSWORD"] = Password,
            ["IDENTITY_CLIENT_ID"] = "creatio",
            ["IDENTITY_CLIENT_SECRET"] = ClientSecret,
        };
    }

    public string Directory { get; }

    public string ConfigPath { get; }

    public string ReportDir { get; }

    public Dictionary<string, string?> Environment { get; }

    /// <summary>Connections the engine opened to Creatio or the Identity Service.</summary>
    public int Connections => Volatile.Read(ref connections);

    public async Task<RunResult> RunAsync(byte[] file, string command = "connect")
    {
        await File.WriteAllBytesAsync(ConfigPath, file);
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 1000;

        var exitCode = await new CommandRunner(new ConsoleAgent(console), name => Environment.GetValueOrDefault(name))
            .RunAsync(EngineCommands.Find(command)!, ConfigPath, ReportDir, CancellationToken.None);
        var files = System.IO.Directory.Exists(ReportDir)
            ? System.IO.Directory.GetFiles(ReportDir).ToDictionary(path => Path.GetFileName(path), File.ReadAllText)
            : [];
        return new RunResult(exitCode, output.ToString(), ReportStore.TryRead(ReportDir), files);
    }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        accepting.ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(5));
        stopping.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Counts each connection and closes it at once: whoever connected was about to send something.</summary>
    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync(stopping.Token);
                Interlocked.Increment(ref connections);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }
}
