using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreatioIdentity.Checks;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Steps;
using Xunit.Abstractions;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// Consecutive ConnectIdentity runs against one sandbox with random faults from a fixed seed. After
/// every run: a run that reports success left Creatio connected, and no write was sent twice
/// (except once more after a session rejection). 200 runs, bounded by a time budget (about 35 s on
/// 2 cores); bench/soak.sh runs it alone with another seed or size (CREATIO_IDENTITY_SOAK_RUNS,
/// _SEED, _SECONDS) and writes the numbers to CREATIO_IDENTITY_SOAK_REPORT.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    public const string RunsVariable = "CREATIO_IDENTITY_SOAK_RUNS";
    public const string SeedVariable = "CREATIO_IDENTITY_SOAK_SEED";
    public const string BudgetVariable = "CREATIO_IDENTITY_SOAK_SECONDS";
    public const string ReportVariable = "CREATIO_IDENTITY_SOAK_REPORT";

    private static readonly string[] WritePaths = ["UpdateQuery", "PostSysSettingsValues", "AddDefaultResource"];

    private static readonly string[] Paths =
    [
        "AuthService.svc/Login", "HealthCheck/Ping", "SelectQuery", "UpdateQuery", "ClearFeaturesCacheForAllUsers",
        "QuerySysSettings", "PostSysSettingsValues", "OAuthHealthCheck", "AddDefaultResource",
    ];

    [Fact]
    public async Task Should_Never_Report_Success_On_A_Wrong_State_Nor_Send_A_Write_Twice()
    {
        // Given
        var runs = Setting(RunsVariable, 200);
        var seed = Setting(SeedVariable, 4242);
        var budget = TimeSpan.FromSeconds(Setting(BudgetVariable, 90));
        var random = new Random(seed);
        await using var world = await EngineRun.StartAsync();
        var config = world.WriteConfig(yaml => yaml.Set("creatio.timeoutSeconds", "1").Set("creatio.healthCheckTimeoutSeconds", "2"));
        world.Environment[StepTuning.SettleVariable] = "1";
        world.Environment[StepTuning.DeadlineVariable] = "10";

        var durations = new List<double>();
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var violations = new List<string>();
        var faultsInjected = 0;
        var resets = 0;
        var total = Stopwatch.StartNew();

        // When
        var run = 0;
        for (; run < runs && total.Elapsed < budget; run++)
        {
            if (run % 10 == 0 || random.NextDouble() < 0.1)
            {
                ConnectedState.Reset(world.Sandbox); // a fresh Creatio again: the next run must write
                resets++;
            }

            var fault = random.NextDouble() < 0.7 ? RandomFault(random) : null;
            if (fault is not null)
            {
                world.Sandbox.Faults.Add(fault);
            }

            world.Sandbox.Creatio.ClearRecord();
            var injectedBefore = world.Sandbox.Faults.Injected.Count;
            var clock = Stopwatch.StartNew();
            var result = await world.RunAsync("connect", config);
            durations.Add(clock.Elapsed.TotalMilliseconds);
            world.Sandbox.Faults.Clear();
            faultsInjected += world.Sandbox.Faults.Injected.Count - injectedBefore;

            var code = result.ExitCode == 0 ? "success" : result.Report?.Steps.FirstOrDefault(step => step.Status == StepStatus.Failed)?.ErrorCode ?? "no-report";
            outcomes[code] = outcomes.GetValueOrDefault(code) + 1;

            // Then, for this run
            var problems = ConnectedState.Problems(world.Sandbox);
            if ((result.ExitCode == 0 || result.Report?.Ok == true) && problems.Count > 0)
            {
                violations.Add($"run {run} ({Describe(fault)}) reported success, but {string.Join("; ", problems)}");
            }

            if (result.ExitCode != 0 && result.Report?.Ok == true)
            {
                violations.Add($"run {run} ({Describe(fault)}) exited {result.ExitCode} with a report that says ok");
            }

            violations.AddRange(RepeatedWrites(world.Sandbox.Creatio.Requests).Select(path => $"run {run} ({Describe(fault)}) sent {path} again without a session rejection"));
        }

        // Then, overall
        var summary = Summarize(run, seed, outcomes, durations, total.Elapsed, faultsInjected, resets);
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } reportPath)
        {
            await File.WriteAllTextAsync(reportPath, summary);
        }

        Assert.Empty(violations);
        Assert.True(run >= Math.Min(runs, 10), $"only {run} runs fitted in {budget}");
        Assert.True(outcomes.GetValueOrDefault("success") > 0, summary);
        Assert.DoesNotContain("no-report", outcomes.Keys);
        Assert.DoesNotContain(ErrorCodes.Unexpected, outcomes.Keys);
    }

    private static Fault RandomFault(Random random)
    {
        var path = Paths[random.Next(Paths.Length)];
        var count = random.Next(1, 4);
        var isWrite = WritePaths.Contains(path);
        return random.Next(9) switch
        {
            0 => Fault.Status(path, random.Next(2) == 0 ? 500 : 503, count, afterHandling: isWrite && random.Next(2) == 0),
            1 => Fault.Hang(path, 1),
            2 => Fault.Reset(path, count, afterHandling: isWrite && random.Next(2) == 0),
            3 => Fault.SessionExpired(path, count),
            4 => Fault.LoginPage(path, count),
            5 => Fault.CsrfRejected(path, count),
            6 => Fault.MalformedJson(path, count, afterHandling: isWrite && random.Next(2) == 0),
            7 => Fault.HealthFlip(count * 2),
            _ => Fault.IdentityServiceDown(random.Next(2) == 0 ? FaultKind.Status : FaultKind.Reset, count),
        };
    }

    /// <summary>The same write (path and body) sent twice in a row where the first did not get a session rejection (401, 302, 403).</summary>
    private static IEnumerable<string> RepeatedWrites(IReadOnlyList<RecordedRequest> requests)
    {
        foreach (var write in requests.Where(request => WritePaths.Any(path => request.Path.EndsWith(path, StringComparison.Ordinal))).GroupBy(request => (request.Path, request.Body)))
        {
            var path = write.Key.Path;
            var sent = write.ToList();
            for (var index = 1; index < sent.Count; index++)
            {
                if (sent[index - 1].StatusCode is not (401 or 302 or 403))
                {
                    yield return path;
                }
            }
        }
    }

    private static string Describe(Fault? fault) =>
        fault is null ? "no fault" : $"{fault.Kind} on '{fault.Path}' x{fault.Count}{(fault.AfterHandling ? " after handling" : string.Empty)}{(fault.Server == FaultServer.IdentityService ? " (Identity Service)" : string.Empty)}";

    private static string Summarize(int runs, int seed, SortedDictionary<string, int> outcomes, List<double> durations, TimeSpan total, int faults, int resets)
    {
        var sorted = durations.Order().ToList();
        double Percentile(double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"runs: {runs} (seed {seed}), sandbox resets: {resets}, faults injected: {faults}")
            .AppendLine(CultureInfo.InvariantCulture, $"outcomes: {string.Join(", ", outcomes.Select(pair => $"{pair.Key} {pair.Value}"))}")
            .AppendLine(CultureInfo.InvariantCulture, $"run time: p50 {Percentile(0.5):0} ms, p95 {Percentile(0.95):0} ms, max {(sorted.Count == 0 ? 0 : sorted[^1]):0} ms")
            .AppendLine(CultureInfo.InvariantCulture, $"total: {total.TotalSeconds:0.0} s");
        return text.ToString();
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
