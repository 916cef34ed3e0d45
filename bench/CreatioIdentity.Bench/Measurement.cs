using System.Globalization;

namespace CreatioIdentity.Bench;

/// <summary>One row of the table, and the verdicts against issue 5's targets.</summary>
internal sealed record Measurement(int LatencyMs, int Sites, int Parallel, string Command, EngineRun Run, int Requests, int Logins, int Writes)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public double PerSite(int total) => (double)total / Sites;

    public string Row(IReadOnlyList<Measurement> earlier)
    {
        var one = OneSite(earlier);
        var ratio = one is null ? "" : (Run.Wall / one.Run.Wall).ToString("0.00", Invariant);
        var peak = Run.PeakKilobytes is { } kb ? (kb / 1024.0).ToString("0.0", Invariant) : "n/a";
        return string.Create(Invariant, $"| {LatencyMs} ms | {Sites} | {Parallel} | {Command} | {Run.ExitCode} | {Run.Wall.TotalSeconds:0.00} | {ratio} | {PerSite(Requests):0.#} | {PerSite(Logins):0.#} | {PerSite(Writes):0.#} | {peak} |");
    }

    /// <summary>The same command at the same latency over one site, if it was measured.</summary>
    public Measurement? OneSite(IReadOnlyList<Measurement> rows) =>
        rows.FirstOrDefault(row => row.Sites == 1 && row.LatencyMs == LatencyMs && row.Command == Command);

    public static IEnumerable<string> Verdicts(IReadOnlyList<Measurement> rows)
    {
        foreach (var row in rows.Where(row => row.Sites > 1))
        {
            if (row.OneSite(rows) is not { } one)
            {
                continue;
            }

            var ratio = row.Run.Wall / one.Run.Wall;
            var sameRequests = Math.Abs(row.PerSite(row.Requests) - one.PerSite(one.Requests)) < 0.001;
            var growth = row.Run.PeakKilobytes is { } peak && one.Run.PeakKilobytes is { } onePeak
                ? ((peak - onePeak) / 1024.0 / (row.Sites - 1)).ToString("0.000", Invariant) + " MB"
                : "n/a";
            yield return string.Create(Invariant,
                $"- {row.Command}, {row.Sites} sites at {row.LatencyMs} ms: {ratio:0.00}× the time of one (target < 5), requests per site {(sameRequests ? "the same as" : "DIFFERENT from")} one site, memory growth per extra site {growth} (target < 1 MB).");
        }
    }
}
