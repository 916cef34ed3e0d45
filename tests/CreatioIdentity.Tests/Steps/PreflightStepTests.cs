using System.Net;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.IdentityService;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Creatio;

namespace CreatioIdentity.Tests.Steps;

/// <summary>Before anything is written: the runner's token, and the login to Creatio, each pointing at the key to fix.</summary>
public sealed class PreflightStepTests
{
    private const string LoginPath = "/ServiceModel/AuthService.svc/Login";

    private static async Task<(StepResult Result, StepContext Context)> RunAsync(StepWorld world, Action<StepContext>? given = null)
    {
        var context = world.Context(StepWorld.Config(), StepTuning.Default);
        given?.Invoke(context);
        return (await new PreflightStep().RunAsync(context, CancellationToken.None), context);
    }

    private static CheckResult Check(StepResult result, string id) => Assert.Single(result.Checks, check => check.Id == id);

    [Fact]
    public async Task Should_Pass_And_Remember_The_Login_For_Diagnose()
    {
        // When
        var (result, context) = await RunAsync(new StepWorld());

        // Then
        var login = Check(result, CheckIds.CreatioLogin);
        Assert.Equal((CheckStatus.Pass, "Logged in to http://creatio.test/ as 'Supervisor'.", ConfigPaths.Creatio.Username), (login.Status, login.Message, login.ConfigPath));
        Assert.Same(login, context.Facts.Login);
        Assert.Equal([CheckIds.IdentityServiceDiscovery, CheckIds.ClientCredentialsToken, CheckIds.CreatioLogin], result.Checks.Select(check => check.Id));
    }

    [Fact]
    public async Task Should_Point_At_The_Password_When_Creatio_Refuses_The_Credentials()
    {
        // Given
        var world = new StepWorld();
        world.Creatio.Answer(LoginPath, _ => CreatioFixture.Json("""{"Code":1,"Message":"Either the username or the password is incorrect."}"""));

        // When
        var (result, context) = await RunAsync(world);

        // Then
        var login = Check(result, CheckIds.CreatioLogin);
        Assert.Equal((CheckStatus.Fail, ConfigPaths.Creatio.Password, ErrorCodes.Authentication), (login.Status, login.ConfigPath, login.ErrorCode));
        Assert.Same(login, context.Facts.Login);
        Assert.Equal(StepStatus.Failed, result.Status);
    }

    [Fact]
    public async Task Should_Point_At_The_Url_When_Creatio_Cannot_Be_Used()
    {
        // Given
        var world = new StepWorld();
        world.Creatio.Answer(LoginPath, _ => CreatioFixture.Json("{}", HttpStatusCode.ServiceUnavailable));

        // When
        var (result, _) = await RunAsync(world);

        // Then
        var login = Check(result, CheckIds.CreatioLogin);
        Assert.Equal((CheckStatus.Fail, ConfigPaths.Creatio.Url), (login.Status, login.ConfigPath));
        Assert.NotEqual(ErrorCodes.Authentication, login.ErrorCode);
    }

    [Fact]
    public async Task Should_Skip_The_Token_When_The_Discovery_Document_Could_Not_Be_Read()
    {
        // Given
        var world = new StepWorld();
        var unread = new DiscoveryResult(false, null, "The Identity Service at https://identity.example.com did not answer.", ErrorCodes.Connect);

        // When
        var (result, _) = await RunAsync(world, context => context.Facts.RunnerDiscovery = unread);

        // Then
        var discovery = Check(result, CheckIds.IdentityServiceDiscovery);
        Assert.Equal((CheckStatus.Fail, unread.Message, ConfigPaths.IdentityService.Url, ErrorCodes.Connect), (discovery.Status, discovery.Message, discovery.ConfigPath, discovery.ErrorCode));
        var token = Check(result, CheckIds.ClientCredentialsToken);
        Assert.Equal((CheckStatus.Skip, unread.TokenSkipReason, ConfigPaths.IdentityService.ClientId), (token.Status, token.Message, token.ConfigPath));
    }

    [Fact]
    public async Task Should_Point_At_The_Client_Secret_When_The_Identity_Service_Refuses_The_Token()
    {
        // Given
        var refused = new TokenProbeResult(false, "The Identity Service rejected client 'creatio' (invalid_client).", ErrorCodes.Authentication);

        // When
        var (result, _) = await RunAsync(new StepWorld(), context => context.Facts.RunnerToken = refused);

        // Then
        var discovery = Check(result, CheckIds.IdentityServiceDiscovery);
        Assert.Equal((CheckStatus.Pass, ConfigPaths.IdentityService.Url), (discovery.Status, discovery.ConfigPath));
        var token = Check(result, CheckIds.ClientCredentialsToken);
        Assert.Equal((CheckStatus.Fail, refused.Message, ConfigPaths.IdentityService.ClientSecret, ErrorCodes.Authentication), (token.Status, token.Message, token.ConfigPath, token.ErrorCode));
    }

    [Fact]
    public async Task Should_Pass_The_Token_On_The_Client_Id()
    {
        // When
        var (result, _) = await RunAsync(new StepWorld());

        // Then
        var token = Check(result, CheckIds.ClientCredentialsToken);
        Assert.Equal((CheckStatus.Pass, "The runner got a token.", ConfigPaths.IdentityService.ClientId), (token.Status, token.Message, token.ConfigPath));
    }
}
