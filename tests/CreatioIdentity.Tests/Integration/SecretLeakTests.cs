using CreatioIdentity.Sandbox;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.BadInput;
using CreatioIdentity.Tests.GitHub;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// Secret hygiene as a property (issues 4 and 13): every scenario (green, each fault the sandbox
/// injects, each kind of bad input, each server that echoes what it was sent) under every build
/// agent (local console, GitHub Actions, Azure Pipelines) prints and writes no password, client
/// secret, session cookie or access token, in any spelling (<see cref="LeakSearch"/>): not on the
/// console, not in report.json, junit.xml or summary.md, not in the files a CI runner reads, not
/// in any other file of the run, and not in what the GitHub reporter sends to GitHub.
/// </summary>
public sealed class SecretLeakTests
{
    private const string WrongSecret = "wrong-client-secret-value";
    private const string WrongPassword = "wrong-creatio-password-value";

    // Secrets with every character an encoding changes, so that each spelling differs from the others.
    private const string TrickyPassword = "Pa\"ss\\wo+rd/&<x> é-1";
    private const string TrickySecret = "c'lient sécret+/=&amp;€😀-2";

    /// <summary>A scenario: what it does to its fresh world, then the runs whose output is searched.</summary>
    private sealed record Scenario(string Name, Func<EngineRun, Task> Act, SandboxOptions? Options = null, string[]? Unsaid = null);

    private static IEnumerable<Scenario> Scenarios()
    {
        yield return new("connect twice", async world =>
        {
            await world.RunAsync("connect");
            await world.RunAsync("connect");
        });
        yield return new("connect as step processes", world => world.RunConnectIdentityAsStepsAsync());
        yield return new("plan", world => world.RunAsync("plan"));
        yield return new("wrong client secret", async world =>
        {
            world.Environment["IDENTITY_CLIENT_SECRET"] = WrongSecret;
            await world.RunAsync("connect");
            await world.RunAsync("apply-settings");
        });
        yield return new("bad Creatio password", world =>
        {
            world.Environment["CREATIO_PASSWORD"] = WrongPassword;
            return world.RunAsync("connect");
        });
        yield return new("Creatio cannot reach the Identity Service", world => world.RunAsync("connect"), new SandboxOptions { CreatioCanReachIdentityService = false });

        // Each fault the sandbox injects, at the request where it hurts most.
        foreach (var fault in new[]
        {
            Fault.Status("PostSysSettingsValues", 503, count: null),
            Fault.Hang("SelectQuery", count: null),
            Fault.Reset("PostSysSettingsValues", afterHandling: true),
            Fault.SessionExpired("SelectQuery", count: 2),
            Fault.LoginPage("QuerySysSettings", count: 2),
            Fault.CsrfRejected("UpdateQuery", count: 2),
            Fault.MalformedJson("PostSysSettingsValues", afterHandling: true),
            Fault.MalformedJson("AuthService.svc/Login"),
            Fault.HealthFlip(count: 3),
            Fault.IdentityServiceDown(),
            Fault.IdentityServiceDown(FaultKind.Reset),
        })
        {
            yield return new($"fault {fault.Kind} on {fault.Server}/{fault.Path}", world =>
            {
                world.Sandbox.Faults.Add(fault);
                return world.RunAsync("connect", ShortTimeouts(world));
            });
        }

        // Bad input: the file is refused, and whatever it echoes back carries no secret.
        foreach (var (name, edit) in new (string, Func<string, string>)[]
        {
            ("a literal secret next to a typo", yaml => yaml.Replace("clientSecret: ${IDENTITY_CLIENT_SECRET}", $"clientSecret: {WrongSecret}\n  clientSecrets: {WrongSecret}", StringComparison.Ordinal)),
            ("malformed YAML after the password", yaml => yaml.Replace("password: ${CREATIO_PASSWORD}", $"password: \"{WrongPassword}\n  : [", StringComparison.Ordinal)),
        })
        {
            yield return new($"bad input: {name}", world => world.RunAsync("connect", world.WriteConfig(edit(File.ReadAllText(world.ConfigPath)))));
        }

        // The whole bad-input corpus, with the sandbox's credentials in the variables it reads.
        foreach (var bad in BadInputCorpus.All)
        {
            yield return new($"bad input: {bad.Name}", world =>
            {
                world.Environment["CREATIO_URL"] = world.Sandbox.CreatioUrl.AbsoluteUri;
                world.Environment["IDENTITY_URL"] = world.Sandbox.IdentityServiceUrl.AbsoluteUri;
                foreach (var (name, value) in bad.Environment ?? new Dictionary<string, string?>())
                {
                    world.Environment[name] = value;
                }

                var path = Path.Combine(world.Directory, "bad-input.yml");
                File.WriteAllBytes(path, bad.File);
                return world.RunAsync("connect", path);
            }, Unsaid: bad.Unsaid);
        }

        // Integrated applications: their secrets are made by Creatio during the run (issue 12). The credentials file
        // is the one place a secret belongs, so it lies outside the searched folder.
        yield return new("oauth apps: create, run again, plan, monitor, prune", async world =>
        {
            var credentials = Directory.CreateTempSubdirectory("creatio-identity-credentials-").FullName;
            try
            {
                var app = $"  erp-sync:\n    applicationUrl: https://erp.example.com\n    systemUser: ErpIntegration\n    credentials:\n      file: {Path.Combine(credentials, "erp.json")}\n";
                var config = world.WriteConfig(File.ReadAllText(world.ConfigPath) + "oauthApps:\n" + app);
                await world.RunAsync("connect", config);
                await world.RunAsync("connect", config);
                await world.RunAsync("plan", config);
                await world.RunAsync("monitor", config);
                await world.RunAsync("oauth-apps", world.WriteConfig(File.ReadAllText(world.ConfigPath) + "oauthApps:\n  prune: true\n"));
                Assert.NotEmpty(world.Sandbox.Creatio.IssuedClientSecrets);
            }
            finally
            {
                Directory.Delete(credentials, recursive: true);
            }
        });

        yield return new("bad input: an unset variable", world =>
        {
            world.Environment.Remove("CREATIO_PASSWORD");
            return world.RunAsync("connect");
        });
    }

    /// <summary>
    /// Servers that quote the request (with the password or the client secret in it) or the values
    /// they reject. A settings write is made to carry the client secret alone, after a first run,
    /// so that the secret comes early in what the server quotes.
    /// </summary>
    private static IEnumerable<Scenario> EchoScenarios()
    {
        var tricky = new SandboxOptions { CreatioPassword = TrickyPassword, ClientSecret = TrickySecret };
        foreach (var fault in new[]
        {
            Fault.EchoRequest("AuthService.svc/Login"),
            Fault.EchoRequest("AuthService.svc/Login", statusCode: 200),
            Fault.EchoRequestPage("AuthService.svc/Login"),
            Fault.EchoValue("AuthService.svc/Login", statusCode: 200),
            Fault.EchoRequest("PostSysSettingsValues"),
            Fault.EchoRequest("PostSysSettingsValues", statusCode: 200),
            Fault.EchoRequestPage("PostSysSettingsValues"),
            Fault.EchoValue("PostSysSettingsValues", statusCode: 200),
            Fault.EchoRequest("OAuthConfigService/AddDefaultResource", statusCode: 200),
            Fault.EchoRequest("connect/token", server: FaultServer.IdentityService),
            Fault.EchoRequestPage("connect/token", server: FaultServer.IdentityService),
            Fault.EchoValue("connect/token", server: FaultServer.IdentityService),
        })
        {
            yield return new($"fault {fault.Kind} {fault.StatusCode} on {fault.Server}/{fault.Path}", async world =>
            {
                if (fault.Path == "PostSysSettingsValues")
                {
                    await world.RunAsync("connect");
                    world.Sandbox.Creatio.SetSetting(OAuthSettingCodes.ClientSecret, "a-stale-secret");
                }

                world.Sandbox.Faults.Add(fault);
                await world.RunAsync("connect");
                Assert.True(world.Sandbox.Faults.Injected.Count > 0, $"the fault {fault.Kind} on {fault.Path} never hit");
            }, tricky);
        }
    }

    private static string ShortTimeouts(EngineRun world) =>
        world.WriteConfig(yaml => yaml.Set("creatio.timeoutSeconds", "1"));

    [Fact]
    public async Task Should_Never_Print_Or_Write_A_Secret_In_Any_Scenario_Under_Any_Agent()
    {
        var (leaks, searched) = await SearchAsync(Scenarios(), reportToGitHub: false);

        Assert.True(searched > 100, $"only {searched} texts searched");
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks.Distinct()));
    }

    [Fact]
    public async Task Should_Never_Leak_What_A_Server_Echoes_In_Any_Spelling_Under_Any_Agent_Nor_To_GitHub()
    {
        var (leaks, searched) = await SearchAsync(EchoScenarios(), reportToGitHub: true);

        Assert.True(searched > 100, $"only {searched} texts searched");
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks.Distinct()));
    }

    /// <summary>Runs each scenario under each agent in a fresh world and searches everything it printed, wrote and sent.</summary>
    private static async Task<(List<string> Leaks, int Searched)> SearchAsync(IEnumerable<Scenario> scenarios, bool reportToGitHub)
    {
        var leaks = new List<string>();
        var searched = 0;
        foreach (var scenario in scenarios)
        {
            foreach (var agent in EngineRun.Agents)
            {
                // Given
                await using var world = await EngineRun.StartAsync(scenario.Options);
                world.ActAs(agent);
                var transcript = new List<RunResult>();
                world.Observe(transcript.Add);

                // When
                await scenario.Act(world);
                var texts = transcript.Select((run, i) => ($"output of run {i + 1}", run.Output))
                    .Concat(transcript.SelectMany(run => run.ReportFiles.Select(file => (file.Key, file.Value))))
                    .Concat(LeakSearch.FilesUnder(world.Directory))
                    .ToList();
                List<string> secrets = [.. world.Secrets, WrongSecret, WrongPassword, .. scenario.Unsaid ?? []];
                if (reportToGitHub && agent == "github")
                {
                    await using var gitHub = await GitHubWorld.StartAsync();
                    var runs = new[] { await gitHub.RunAsync("check-run", "--report-dir", world.ReportDir), await gitHub.RunAsync("sync-issues", "--report-dir", world.ReportDir) };
                    Assert.True(runs.All(run => run.ExitCode == 0) && gitHub.GitHub.CheckRuns.Count == 1, string.Concat(runs.Select(run => run.Output)));
                    texts.AddRange(runs.Select(run => ("creatio-identity-github output", run.Output)).Concat(LeakSearch.SentTo(gitHub.GitHub)));
                    secrets.Add(gitHub.GitHub.Token);
                }

                // Then
                secrets.AddRange([.. world.Sandbox.Creatio.IssuedSessionSecrets, .. world.Sandbox.IssuedTokens.All, .. world.Sandbox.Creatio.IssuedClientSecrets]);
                searched += texts.Count;
                leaks.AddRange(LeakSearch.Leaks(texts, secrets).Select(leak => $"{scenario.Name} / {agent}: {leak}"));
                Assert.NotEmpty(transcript);
                if (scenario.Name == "connect twice")
                {
                    // The search is only worth something if the run really had cookies and tokens.
                    Assert.NotEmpty(world.Sandbox.Creatio.IssuedSessionSecrets);
                    Assert.NotEmpty(world.Sandbox.IssuedTokens.All);
                }
            }
        }

        return (leaks, searched);
    }
}
