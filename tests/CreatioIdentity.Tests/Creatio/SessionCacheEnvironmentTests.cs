using CreatioIdentity.Creatio;
using CreatioIdentity.Tests.PrivateFiles;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>Each environment of a multi-site run keeps its own Creatio session, in the run's own folder.</summary>
public sealed class SessionCacheEnvironmentTests : IDisposable
{
    private static readonly Uri Site = new("http://127.0.0.1:5000/");
    private readonly RunSessionFolder run = new();

    public void Dispose() => run.Dispose();

    private SessionCache Cache() => run.Cache();

    private static SessionSnapshot Snapshot(string cookie) => new(Site.AbsoluteUri, "Supervisor", null, [new SessionCookie(".ASPXAUTH", cookie, "/", "127.0.0.1")]);

    [Fact]
    public void Should_Keep_Each_Environments_Session_In_Its_Own_File()
    {
        // Given: two environments on the same site and user (the worst case for a shared file)
        Cache().ForEnvironment("dev").Save(Site, Snapshot("dev-cookie"));

        // When
        Cache().ForEnvironment("prod").Save(Site, Snapshot("prod-cookie"));

        // Then
        Assert.Equal("dev-cookie", Cache().ForEnvironment("dev").Load(Site, "Supervisor")!.Cookies.Single().Value);
        Assert.Equal("prod-cookie", Cache().ForEnvironment("prod").Load(Site, "Supervisor")!.Cookies.Single().Value);
        Assert.Equal(
            [$"{run.RunId}.dev.session", $"{run.RunId}.prod.session"],
            OwnTempFolder.Contents(run.Folder).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_Stay_Off_Without_A_Run()
    {
        // Given, When
        var cache = SessionCache.None.ForEnvironment("dev");

        // Then
        Assert.False(cache.IsEnabled);
        Assert.Null(cache.FilePath);
    }
}
