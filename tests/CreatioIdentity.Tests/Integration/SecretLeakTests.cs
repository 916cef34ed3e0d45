using CreatioIdentity.Agents;
using CreatioIdentity.Sandbox;
using CreatioIdentity.Tests.BadInput;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// Secret hygiene as a property (issue 4): every scenario (green, each fault the sandbox injects,
/// each kind of bad input) under every build agent (local console, GitHub Actions, Azure Pipelines)
/// prints and writes no password, client secret, session cookie or access token: not on the
/// console, not in report.json, junit.xml or summary.md, not in the files a CI runner reads.
/// The only lines allowed to carry a secret are the registrations that hand it to the runner's
/// log masking (the runner consumes them).
/// </summary>
public sealed class SecretLeakTests
{
    private const string WrongSecret = "wrong-client-secret-value";
    private const string WrongPassword = "wrong-creatio-password-value";

    private static readonly string[] Agents = ["console", "github", "azure"];

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

        yield return new("bad input: an unset variable", world =>
        {
            world.Environment.Remove("CREATIO_PASSWORD");
            return world.RunAsync("connect");
        });
    }

    private static string ShortTimeouts(EngineRun world) =>
        world.WriteConfig(File.ReadAllText(world.ConfigPath).Replace("timeoutSeconds: 30", "timeoutSeconds: 1", StringComparison.Ordinal));

    [Fact]
    public async Task Should_Never_Print_Or_Write_A_Secret_In_Any_Scenario_Under_Any_Agent()
    {
        var leaks = new List<string>();
        var searched = 0;
        foreach (var scenario in Scenarios())
        {
            foreach (var agent in Agents)
            {
                // Given
                await using var world = await EngineRun.StartAsync(scenario.Options);
                var runnerFiles = ActAs(agent, world);
                var transcript = new List<RunResult>();
                world.Observe(transcript.Add);

                // When
                await scenario.Act(world);

                // Then
                string[] secrets =
                [
                    .. world.Secrets, WrongSecret, WrongPassword, .. scenario.Unsaid ?? [],
                    .. world.Sandbox.Creatio.IssuedSessionSecrets,
                    .. world.Sandbox.IssuedTokens.All,
                ];
                var texts = transcript.Select((run, i) => ($"output of run {i + 1}", run.Output))
                    .Concat(transcript.SelectMany(run => run.ReportFiles.Select(file => (file.Key, file.Value))))
                    .Concat(runnerFiles.Where(File.Exists).Select(file => (Path.GetFileName(file), File.ReadAllText(file))));
                foreach (var (where, text) in texts)
                {
                    searched++;
                    foreach (var line in text.Split('\n').Where(line => !IsMaskRegistration(line)))
                    {
                        leaks.AddRange(secrets.Where(secret => line.Contains(secret, StringComparison.Ordinal))
                            .Select(_ => $"{scenario.Name} / {agent}: {where} holds a secret"));
                    }
                }

                Assert.NotEmpty(transcript);
                if (scenario.Name == "connect twice")
                {
                    // The search is only worth something if the run really had cookies and tokens.
                    Assert.NotEmpty(world.Sandbox.Creatio.IssuedSessionSecrets);
                    Assert.NotEmpty(world.Sandbox.IssuedTokens.All);
                }
            }
        }

        Assert.True(searched > 100, $"only {searched} texts searched");
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks.Distinct()));
    }

    private static bool IsMaskRegistration(string line) =>
        line.StartsWith("::add-mask::", StringComparison.Ordinal) || line.StartsWith("##vso[task.setsecret]", StringComparison.Ordinal);

    /// <summary>Sets the runner's variables for the agent; returns the files that runner would read.</summary>
    private static string[] ActAs(string agent, EngineRun world)
    {
        switch (agent)
        {
            case "github":
                var summary = Path.Combine(world.Directory, "step-summary.md");
                var outputs = Path.Combine(world.Directory, "github-output");
                world.Environment[GitHubActionsAgent.DetectVariable] = "true";
                world.Environment[GitHubActionsAgent.WorkspaceVariable] = world.Directory;
                world.Environment[GitHubActionsAgent.StepSummaryVariable] = summary;
                world.Environment[GitHubActionsAgent.OutputVariable] = outputs;
                return [summary, outputs];
            case "azure":
                world.Environment[AzurePipelinesAgent.DetectVariable] = "True";
                world.Environment[AzurePipelinesAgent.SourcesDirectoryEnvironmentVariable] = world.Directory;
                return [];
            default:
                return [];
        }
    }
}
