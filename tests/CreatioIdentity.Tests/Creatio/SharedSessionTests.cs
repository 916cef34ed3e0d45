using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>
/// The processes of one Cake run share one Creatio session through the run's session cache: the login, the
/// cookies Creatio sets later, the runtime found, and a green health answer until something is written.
/// </summary>
public sealed class SharedSessionTests : IDisposable
{
    private const string HealthPath = "/0/api/OAuthHealthCheck";
    private static readonly OAuthHealth Green = new(false, true, true, true, null);
    private readonly RunSessionFolder run = new();

    public void Dispose() => run.Dispose();

    private SessionCache Cache() => run.Cache();

    /// <summary>A .NET Framework site found by runtime: auto, whose health check answers "{}".</summary>
    private static CreatioFixture Creatio() => new CreatioFixture(netFramework: true).Answer(HealthPath, _ => CreatioFixture.Json("{}"));

    [Fact]
    public async Task Should_Let_A_Later_Process_Call_Without_A_Login_Or_A_Runtime_Probe()
    {
        // Given: the first process logged in and found the runtime
        var creatio = Creatio();
        await creatio.Session(cache: Cache()).SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);
        creatio.Received.Clear();

        // When
        await creatio.Session(cache: Cache()).SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

        // Then
        var call = Assert.Single(creatio.Received);
        Assert.Equal(HealthPath, call.Path);
        Assert.Equal(".ASPXAUTH=session-1; BPMCSRF=csrf-1", call.Cookie);
        Assert.Equal("csrf-1", call.Csrf);
    }

    [Fact]
    public async Task Should_Hand_On_A_Cookie_Creatio_Set_After_The_Login()
    {
        // Given: Creatio sets BPMSESSIONID on the first call after the login
        var creatio = Creatio().Answer(HealthPath, _ => CreatioFixture.Json("{}", cookies: ["BPMSESSIONID=later-1; path=/"]));
        await creatio.Session(cache: Cache()).SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

        // When
        await creatio.Session(cache: Cache()).SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

        // Then
        Assert.Contains("BPMSESSIONID=later-1", creatio.Received[^1].Cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_End_A_Session_An_Earlier_Process_Began()
    {
        // Given
        var creatio = Creatio();
        await creatio.Session(cache: Cache()).LoginAsync(CancellationToken.None);

        // When
        await creatio.Session(cache: Cache()).LogoutAsync(CancellationToken.None);

        // Then
        var logout = creatio.Received[^1];
        Assert.Equal("/ServiceModel/AuthService.svc/Logout", logout.Path);
        Assert.Equal(".ASPXAUTH=session-1; BPMCSRF=csrf-1", logout.Cookie);
        Assert.Equal("{}", logout.Body);
    }

    [Fact]
    public async Task Should_Hand_On_A_Green_Health_Answer()
    {
        // Given
        var first = Creatio().Session(cache: Cache());
        await first.LoginAsync(CancellationToken.None);

        // When
        first.ShareHealth(Green);

        // Then
        Assert.Equal(Green, Creatio().Session(cache: Cache()).SharedHealth);
    }

    [Fact]
    public async Task Should_Forget_The_Green_Answer_When_A_Red_One_Or_None_Is_Shared()
    {
        // Given
        var first = Creatio().Session(cache: Cache());
        await first.LoginAsync(CancellationToken.None);
        first.ShareHealth(Green);

        // When
        first.ShareHealth(Green with { IsIdentityServiceAvailable = false });
        var afterRed = Creatio().Session(cache: Cache()).SharedHealth;
        first.ShareHealth(Green);
        first.ShareHealth(null);
        var afterNone = Creatio().Session(cache: Cache()).SharedHealth;

        // Then
        Assert.Null(afterRed);
        Assert.Null(afterNone);
    }

    [Fact]
    public async Task Should_Share_Nothing_Without_A_Run()
    {
        // Given
        var session = Creatio().Session();
        await session.LoginAsync(CancellationToken.None);

        // When
        session.ShareHealth(Green);

        // Then: the health is this process's own to keep
        Assert.Equal(Green, session.SharedHealth);
        Assert.Null(Creatio().Session().SharedHealth);
    }

    [Fact]
    public async Task Should_Send_No_Cookie_Header_Where_No_Cookie_Of_The_Session_Applies()
    {
        // Given: the run's session holds only a cookie for /0/
        Cache().Save(CreatioFixture.Site, new SessionSnapshot(CreatioFixture.Site.AbsoluteUri, "Supervisor", "0/", [new SessionCookie("BPMSESSIONID", "bpmsessionid-value", "/0/", "creatio.test")]));
        var creatio = Creatio();

        // When
        await creatio.Session(cache: Cache()).LogoutAsync(CancellationToken.None);

        // Then
        var logout = Assert.Single(creatio.Received);
        Assert.Null(logout.Cookie);
        Assert.Null(logout.Csrf);
    }

    [Fact]
    public async Task Should_Keep_The_Configured_Runtime_Over_The_One_The_Run_Found()
    {
        // Given: the run's session says /0/; this environment's file says runtime: net
        Cache().Save(CreatioFixture.Site, new SessionSnapshot(CreatioFixture.Site.AbsoluteUri, "Supervisor", "0/", [new SessionCookie(".ASPXAUTH", "restored-aspxauth-value", "/", "creatio.test")]));
        var creatio = new CreatioFixture { Runtime = CreatioRuntime.Net }.Answer("/api/OAuthHealthCheck", _ => CreatioFixture.Json("{}"));

        // When
        await creatio.Session(cache: Cache()).SendAsync(CreatioRoutes.OAuthHealthCheck, CancellationToken.None);

        // Then
        Assert.Equal("/api/OAuthHealthCheck", Assert.Single(creatio.Received).Path);
    }
}
