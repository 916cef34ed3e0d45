using System.Security.Cryptography;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

public sealed class SessionCacheTests : IDisposable
{
    private static readonly Uri Site = new("http://127.0.0.1:5000/");
    private readonly string runId = Guid.NewGuid().ToString("D");
    private readonly string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public void Dispose() => File.Delete(SessionCache.PathFor(runId));

    private SessionCache Cache(string? withKey = null) => SessionCache.FromEnvironment(name => name switch
    {
        SessionCache.RunIdVariable => runId,
        SessionCache.KeyVariable => withKey ?? key,
        _ => null,
    });

    private static SessionSnapshot Snapshot(string user = "Supervisor") =>
        new(Site.AbsoluteUri, user, "0/", [new SessionCookie(".ASPXAUTH", "session-cookie-value", "/", "127.0.0.1")]);

    [Fact]
    public void Should_Give_The_Next_Process_The_Same_Session()
    {
        // Given
        Cache().Save(Site, Snapshot());

        // When
        var loaded = Cache().Load(Site, "Supervisor");

        // Then
        Assert.NotNull(loaded);
        Assert.Equal("0/", loaded.Prefix);
        Assert.Equal("session-cookie-value", Assert.Single(loaded.Cookies).Value);
    }

    [Fact]
    public void Should_Store_Nothing_Readable_On_Disk()
    {
        // Given
        Cache().Save(Site, Snapshot());

        // When
        var bytes = File.ReadAllBytes(SessionCache.PathFor(runId));

        // Then
        Assert.DoesNotContain("session-cookie-value", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SessionCache.PathFor(runId)));
        }
    }

    [Fact]
    public void Should_Not_Open_With_Another_Key_Or_For_Another_User()
    {
        // Given
        Cache().Save(Site, Snapshot());

        // When
        var otherKey = Cache(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))).Load(Site, "Supervisor");
        var otherUser = Cache().Load(Site, "Someone");

        // Then
        Assert.Null(otherKey);
        Assert.Null(otherUser);
    }

    [Fact]
    public void Should_Be_Off_Without_A_Run_Id_And_Key()
    {
        // Given
        var cache = SessionCache.FromEnvironment(_ => null);

        // When
        cache.Save(Site, Snapshot());

        // Then
        Assert.False(cache.IsEnabled);
        Assert.Null(cache.Load(Site, "Supervisor"));
    }
}
