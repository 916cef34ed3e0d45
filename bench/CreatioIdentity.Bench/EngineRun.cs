using System.Diagnostics;
using System.Globalization;

namespace CreatioIdentity.Bench;

/// <summary>One run of the engine as its own process: exit code, wall time and peak resident memory.</summary>
internal sealed record EngineRun(int ExitCode, TimeSpan Wall, long? PeakKilobytes, string Output)
{
    // GNU time reports the child's maximum resident set size (kB); the engine is one process, so
    // that is its peak memory. Without it the column says n/a.
    private const string GnuTime = "/usr/bin/time";

    public static async Task<EngineRun> RunAsync(string engine, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var measured = File.Exists(GnuTime);
        var peakFile = Path.GetTempFileName();
        var start = new ProcessStartInfo(measured ? GnuTime : engine)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (measured)
        {
            foreach (var argument in new[] { "-f", "%M", "-o", peakFile, engine })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{engine} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        var output = await stdout + await stderr;

        long? peak = null;
        if (measured && long.TryParse((await File.ReadAllTextAsync(peakFile, cancellationToken)).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kilobytes))
        {
            peak = kilobytes;
        }

        File.Delete(peakFile);
        return new EngineRun(process.ExitCode, clock.Elapsed, peak, output);
    }
}
