using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// The password, the client secret, session cookies and access tokens never appear in anything
/// the product prints or writes, whatever the scenario.
/// </summary>
public sealed class SecretLeakTests
{
    private const string WrongSecret = "wrong-client-secret-value";
    private const string WrongPassword = "wrong-creatio-password-value";

    public static TheoryData<string> Scenarios => new()
    {
        "connect twice",
        "connect as step processes",
        "plan",
        "wrong client secret",
        "bad Creatio password",
        "unset variable",
        "Creatio cannot reach the Identity Service",
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Should_Never_Print_Or_Write_A_Secret(string scenario)
    {
        // Given
        await using var world = await EngineRun.StartAsync(new SandboxOptions
        {
            CreatioCanReachIdentityService = scenario != "Creatio cannot reach the Identity Service",
        });
        var outputs = new List<RunResult>();

        // When
        switch (scenario)
        {
            case "connect twice":
                outputs.Add(await world.RunAsync("connect"));
                outputs.Add(await world.RunAsync("connect"));
                break;
            case "connect as step processes":
                outputs.AddRange(await world.RunConnectIdentityAsStepsAsync());
                break;
            case "plan":
                outputs.Add(await world.RunAsync("plan"));
                break;
            case "wrong client secret":
                world.Environment["IDENTITY_CLIENT_SECRET"] = WrongSecret;
                outputs.Add(await world.RunAsync("connect"));
                outputs.Add(await world.RunAsync("apply-settings"));
                break;
            case "bad Creatio password":
                world.Environment["CREATIO_PASSWORD"] = WrongPassword;
                outputs.Add(await world.RunAsync("connect"));
                break;
            case "unset variable":
                world.Environment.Remove("CREATIO_PASSWORD");
                outputs.Add(await world.RunAsync("connect"));
                break;
            default:
                outputs.Add(await world.RunAsync("connect"));
                break;
        }

        // Then
        string[] secrets =
        [
            .. world.Secrets, WrongSecret, WrongPassword,
            .. world.Sandbox.Creatio.IssuedSessionSecrets,
            .. world.Sandbox.IssuedTokens.All,
        ];
        Assert.NotEmpty(outputs);
        foreach (var run in outputs)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, run.Output, StringComparison.Ordinal);
                foreach (var (file, content) in run.ReportFiles)
                {
                    Assert.False(content.Contains(secret, StringComparison.Ordinal), $"{file} contains a secret");
                }
            }
        }

        if (scenario is "connect twice" or "connect as step processes")
        {
            Assert.NotEmpty(world.Sandbox.Creatio.IssuedSessionSecrets);
            Assert.NotEmpty(world.Sandbox.IssuedTokens.All);
        }
    }
}
