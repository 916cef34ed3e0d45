using System.Security.Cryptography;
using CreatioIdentity.Checks;
using CreatioIdentity.GitHub;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.Tests.GitHub;

/// <summary>What one creatio-identity-github command printed and returned.</summary>
public sealed record GitHubRun(int ExitCode, string Output);

/// <summary>
/// The world a GitHub reporter test needs: the GitHub stand-in on loopback, a report folder, and
/// the variables a GitHub Actions job sets (token, repository, commit, API URL, run). Commands run
/// in-process through the program's own entry.
/// </summary>
public sealed class GitHubWorld : IAsyncDisposable
{
    public const string Repository = "octo-org/creatio-ops";
    public const string Sha = "0123456789abcdef0123456789abcdef01234567";
    public const string RunId = "4711";

    private GitHubWorld(GitHubStandIn gitHub, string directory)
    {
        GitHub = gitHub;
        Directory = directory;
        ReportDir = Path.Combine(directory, "artifacts", "creatio-identity");
        Environment = new Dictionary<string, string?>
        {
            [GitHubContext.TokenVariable] = gitHub.Token,
            [GitHubContext.RepositoryVariable] = Repository,
            [GitHubContext.ShaVariable] = Sha,
            [GitHubContext.ApiUrlVariable] = gitHub.ApiUrl.AbsoluteUri.TrimEnd('/'),
            [GitHubContext.ServerUrlVariable] = "https://github.example.com",
            [GitHubContext.RunIdVariable] = RunId,
        };
    }

    public GitHubStandIn GitHub { get; }

    public string Directory { get; }

    public string ReportDir { get; }

    public Dictionary<string, string?> Environment { get; }

    public static string RunUrl => $"https://github.example.com/{Repository}/actions/runs/{RunId}";

    public static async Task<GitHubWorld> StartAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;
        System.IO.Directory.CreateDirectory(directory);
        var token = "ghs_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(18));
        return new GitHubWorld(await GitHubStandIn.StartAsync(token), directory);
    }

    /// <summary>Writes report.json as the engine would.</summary>
    public void WriteReport(Report report)
    {
        System.IO.Directory.CreateDirectory(ReportDir);
        using var stream = File.Create(Path.Combine(ReportDir, ReportStore.ReportFileName));
        ReportJson.Serialize(report, stream, toolVersion: null);
    }

    public async Task<GitHubRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await GitHubProgram.RunAsync(args, name => Environment.GetValueOrDefault(name), output, Environment.Keys);
        return new GitHubRun(exitCode, output.ToString());
    }

    /// <summary>Runs a command with <paramref name="input"/> on its standard input (set-secrets reads the secrets there).</summary>
    public async Task<GitHubRun> RunWithInputAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await GitHubProgram.RunAsync(args, name => Environment.GetValueOrDefault(name), output, Environment.Keys, new StringReader(input));
        return new GitHubRun(exitCode, output.ToString());
    }

    public Task<GitHubRun> CheckRunAsync(params string[] extra) => RunAsync(["check-run", "--report-dir", ReportDir, .. extra]);

    public Task<GitHubRun> SyncIssuesAsync(params string[] extra) => RunAsync(["sync-issues", "--report-dir", ReportDir, .. extra]);

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Reports as the engine writes them: every check of SPEC §2 (CheckIds.All), some of them red.</summary>
internal static class Reports
{
    public const string CreatioUrl = "https://creatio.example.com";

    public static IReadOnlyList<CheckResult> Checks(params string[] red) =>
        [.. CheckIds.All.Select(id => red.Contains(id)
            ? CheckResult.Fail(id, $"{id} is red: check the Identity Service settings.")
            : CheckResult.Pass(id, $"{id} is green."))];

    public static Report Site(params string[] red) => SiteAt(CreatioUrl, "run-1", red);

    public static Report SiteAt(string creatio, string? runId, params string[] red)
    {
        var checks = Checks(red);
        var step = new StepResult("Diagnose", red.Length > 0 ? StepStatus.Failed : StepStatus.Unchanged, 250, [], [], red.Length > 0 ? "A check is red." : null);
        return new Report(Report.CurrentSchemaVersion, red.Length == 0, "connect", creatio, runId, [step], checks);
    }

    public static EnvironmentReport Environment(string name, params string[] red)
    {
        var site = SiteAt($"https://{name}.creatio.example.com", "run-1", red);
        return new EnvironmentReport(name, site.Ok, site.Creatio, site.Steps, site.Checks);
    }

    public static Report Environments(params EnvironmentReport[] environments) =>
        new(Report.CurrentSchemaVersion, environments.All(e => e.Ok), "monitor", environments[0].Creatio, "run-1", [], [], environments);
}
