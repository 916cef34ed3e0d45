using System.Diagnostics;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// A program as its own process, as a person or a CI step runs it: the given arguments, folder and
/// environment (a null value removes an inherited variable), what it printed on both streams, and
/// its exit code. Bounded: a process still running at the timeout is killed and the test fails.
/// </summary>
internal static class ChildProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IEnumerable<KeyValuePair<string, string?>> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalMinutes:0.#} min.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
