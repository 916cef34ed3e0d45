using System.Diagnostics;
using System.Runtime.InteropServices;
using CreatioIdentity.PrivateFiles;
using CreatioIdentity.Protocol;

namespace CreatioIdentity.Companions;

/// <summary>
/// The sandbox as a child process: started with a ready file and this process as its parent (it
/// stops by itself if this process dies), waited for within a bound, and stopped on dispose. The
/// ready file (it holds the sandbox's credentials) lives in a folder made afresh for this run,
/// owner-only, under a name nobody can guess; it goes when the sandbox does.
/// </summary>
internal sealed partial class SandboxProcess : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly Process process;

    private SandboxProcess(Process process, string folder, SandboxReadyFile ready)
    {
        this.process = process;
        Folder = folder;
        Ready = ready;
    }

    public SandboxReadyFile Ready { get; }

    /// <summary>This run's private folder (0700), deleted on dispose: a place for files that name the sandbox's credentials.</summary>
    public string Folder { get; }

    public static async Task<SandboxProcess> StartAsync(string sandboxDll, string runtime, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("creatio-identity-sandbox-").FullName;
        try
        {
            return await StartAsync(sandboxDll, runtime, folder, environment, cancellationToken);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    private static async Task<SandboxProcess> StartAsync(string sandboxDll, string runtime, string folder, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var readyFile = Path.Combine(folder, "ready.json");
        var start = Companion.StartInfo(
            sandboxDll,
            [
                SandboxReadyFile.RuntimeOption, runtime,
                SandboxReadyFile.ReadyFileOption, readyFile,
                SandboxReadyFile.ParentPidOption, System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ],
            environment);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started for the sandbox.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => Keep(output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            if (File.Exists(readyFile))
            {
                var ready = SandboxReadyFile.Parse(PrivateFile.ReadAllBytes(readyFile, "the sandbox's ready file"));
                if (ready is not null)
                {
                    return new SandboxProcess(process, folder, ready);
                }
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(100, cancellationToken);
        }

        var exited = process.HasExited ? $"it exited with code {process.ExitCode}" : $"it was not ready within {ReadyTimeout.TotalSeconds:0} s";
        Stop(process);
        throw new InvalidOperationException($"The sandbox did not start ({exited}). Its last output:{System.Environment.NewLine}{string.Join(System.Environment.NewLine, output)}");
    }

    public void Dispose()
    {
        Stop(process);
        process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>
    /// Asks the sandbox to stop (SIGTERM, which it handles) and kills it only when it does not. A killed
    /// .NET process leaves its runtime's debugger pipes and diagnostics socket in the temp folder.
    /// </summary>
    private static void Stop(Process process)
    {
        if (!process.HasExited && !(Native.Terminate(process.Id) && process.WaitForExit(StopTimeout)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(StopTimeout);
        }
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 40)
        {
            output.TryDequeue(out _);
        }
    }

    private static partial class Native
    {
        private const int SigTerm = 15; // the same on Linux and macOS

        /// <summary>Sends SIGTERM; false on Windows (which has no such signal) or when it could not be sent.</summary>
        public static bool Terminate(int processId) => !OperatingSystem.IsWindows() && Kill(processId, SigTerm) == 0;

        [LibraryImport("libc", EntryPoint = "kill")]
        private static partial int Kill(int processId, int signal);
    }
}
