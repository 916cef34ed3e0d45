using CreatioIdentity.Sandbox;
using CreatioIdentity.Sandbox.Cli;

namespace CreatioIdentity.Tests.Sandbox.Cli;

/// <summary>Every variant reachable from the sandbox process's command line, for the Cake and action self-tests.</summary>
[Collection(SandboxGroup.Name)]
public sealed class SandboxArgumentsTests
{
    [Fact]
    public void Should_Give_A_Fresh_Creatio_Without_Arguments()
    {
        // Given
        var fresh = new SandboxOptions();

        // When
        var arguments = SandboxArguments.Parse([]);

        // Then
        Assert.Equal(fresh, arguments.Options with { AdditionalClients = fresh.AdditionalClients });
        Assert.Null(arguments.ReadyFile);
    }

    [Fact]
    public void Should_Set_Every_Variant()
    {
        // When
        var options = SandboxArguments.Parse(
        [
            "--runtime", "netframework", "--language", "ru-RU", "--login-code", "2", "--login-status", "403",
            "--require-later-cookies", "--malformed-set-cookie", "--both-prefixes", "--host-oauth-disabled",
            "--separate-settings", "false", "--no-package-feature-row", "--feature-cache-delay-ms", "250", "--case-sensitive",
            "--no-health-check", "--slow-health-ms", "1500", "--unexplained-health-problem", "--latency-ms", "20",
            "--creatio-cannot-reach-identity", "--ready-file", "ready.json", "--parent-pid", "42", "--no-technical-users",
        ]).Options;

        // Then
        Assert.Equal(
            (SandboxRuntime.NetFramework, "ru-RU", 2, 403, true, true, true),
            (options.Runtime, options.Language, options.LoginCode, options.LoginStatus, options.RequireLaterCookies, options.MalformedSetCookie, options.BothPrefixes));
        Assert.Equal(
            (false, false, false, TimeSpan.FromMilliseconds(250), true),
            (options.HostOAuthEnabled, options.UseSeparateSettingsForOAuth20, options.OAuthPackageOverrideRow, options.FeatureCacheDelay, options.CaseSensitiveStrings));
        Assert.Equal(
            (false, TimeSpan.FromMilliseconds(1500), true, TimeSpan.FromMilliseconds(20), false),
            (options.HealthCheckAvailable, options.UnreachableHealthDelay, options.UnexplainedHealthProblem, options.Latency, options.CreatioCanReachIdentityService));
        Assert.False(options.TechnicalUsersAvailable);
    }

    [Fact]
    public void Should_Read_Feature_Overrides_With_And_Without_A_Code()
    {
        // When
        var arguments = SandboxArguments.Parse(["--feature-override", "System administrators=0", "--feature-override", "RefreshAccessTokenUnderLock:All employees=0"]);

        // Then
        Assert.Equal(
            [new FeatureOverride("OAuth20Integration", "System administrators", 0), new FeatureOverride("RefreshAccessTokenUnderLock", "All employees", 0)],
            arguments.Options.FeatureOverrides);
    }

    [Theory]
    [InlineData("--login-code", "9")]
    [InlineData("--login-status", "500")]
    [InlineData("--language", "de-DE")]
    [InlineData("--separate-settings", "maybe")]
    [InlineData("--feature-override", "System administrators")]
    [InlineData("--no-such-switch", "x")]
    public void Should_Refuse_A_Variant_Creatio_Does_Not_Have(string name, string value)
    {
        // When / Then
        Assert.Throws<ArgumentException>(() => SandboxArguments.Parse([name, value]));
    }

    [Fact]
    public async Task Should_Start_A_Sandbox_With_The_Overrides_Of_The_Command_Line()
    {
        // Given
        var options = SandboxArguments.Parse(["--feature-override", "All employees=1"]).Options;

        // When
        await using var sandbox = await SandboxHost.StartAsync(options);

        // Then
        Assert.Equal(
            [new FeatureOverride("OAuth20Integration", "System administrators", 0), new FeatureOverride("OAuth20Integration", "All employees", 1)],
            sandbox.Creatio.GetFeatureOverrides("OAuth20Integration"));
        Assert.True(sandbox.Creatio.GetEffectiveFeatureState("OAuth20Integration"));
    }
}
