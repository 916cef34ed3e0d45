using System.Diagnostics;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// `dotnet cake` from the repository root as its own process, as a person or a CI step runs it:
/// the given arguments, the given environment (a null value removes an inherited variable), what
/// it printed on both streams, and its exit code. Bounded: four minutes covers a native publish.
/// </summary>
internal static class CakeProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = EngineRun.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("cake");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
