using System.Runtime.Versioning;
using CreatioIdentity.Creatio;
using CreatioIdentity.PrivateFiles;
using CreatioIdentity.Tests.PrivateFiles;

namespace CreatioIdentity.Tests.Creatio;

public sealed class SessionCacheTests : IDisposable
{
    private static readonly Uri Site = new("http://127.0.0.1:5000/");
    private readonly RunSessionFolder run = new();

    public void Dispose() => run.Dispose();

    private string SessionFolder => run.Folder;

    private string SessionFile => run.SessionFile;

    private SessionCache Cache(string? withKey = null) => run.Cache(key: withKey);

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
        Assert.Equal(SessionFile, Cache().FilePath);
    }

    [Fact]
    public void Should_Store_Nothing_Readable_On_Disk()
    {
        // Given
        Cache().Save(Site, Snapshot());

        // When
        var bytes = File.ReadAllBytes(SessionFile);

        // Then
        Assert.DoesNotContain("session-cookie-value", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SessionFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(SessionFolder));
        }
    }

    [Fact]
    public void Should_Not_Open_With_Another_Key_Or_For_Another_User()
    {
        // Given
        Cache().Save(Site, Snapshot());

        // When
        var otherKey = Cache(RunSessionFolder.NewKey()).Load(Site, "Supervisor");
        var otherUser = Cache().Load(Site, "Someone");

        // Then
        Assert.Null(otherKey);
        Assert.Null(otherUser);
    }

    [Fact]
    public void Should_Be_Off_Without_A_Run_Id_A_Key_And_A_Folder()
    {
        // Given
        var withoutAnything = SessionCache.FromEnvironment(_ => null);
        var withoutFolder = SessionCache.FromEnvironment(name => name switch
        {
            SessionCache.RunIdVariable => run.RunId,
            SessionCache.KeyVariable => run.Key,
            _ => null,
        });

        // When
        withoutAnything.Save(Site, Snapshot());

        // Then
        Assert.False(withoutAnything.IsEnabled);
        Assert.False(withoutFolder.IsEnabled);
        Assert.Null(withoutAnything.Load(Site, "Supervisor"));
    }

    [UnixFact]
    public void Should_Refuse_A_Session_Folder_That_Is_A_Symbolic_Link()
    {
        // Given: the folder the run names is a link to one the attacker can read
        var elsewhere = run.Temp.Folder("elsewhere");
        File.CreateSymbolicLink(SessionFolder, elsewhere);

        // When
        var refusal = Assert.Throws<UnsafePathException>(() => Cache());

        // Then
        Assert.Contains("the Creatio session of this run", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(OwnTempFolder.Contents(elsewhere));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Should_Replace_A_Symbolic_Link_At_The_Session_File_Rather_Than_Write_Through_It()
    {
        // Given
        var victim = Path.Combine(run.Temp.Folder("elsewhere"), "victim");
        File.WriteAllText(victim, "untouched");
        Directory.CreateDirectory(SessionFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(SessionFile, victim);

        // When
        var before = Cache().Load(Site, "Supervisor");
        Cache().Save(Site, Snapshot());

        // Then
        Assert.Null(before);
        Assert.Equal("untouched", File.ReadAllText(victim));
        Assert.Null(new FileInfo(SessionFile).LinkTarget);
        Assert.NotNull(Cache().Load(Site, "Supervisor"));
    }

    [Theory]
    [InlineData("not-a-run-id", null)]
    [InlineData(null, "not base64!")]
    [InlineData(null, "AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData(null, "")]
    public void Should_Be_Off_With_A_Run_Id_Or_Key_That_Is_Not_One(string? otherRunId, string? otherKey)
    {
        // Given
        var cache = run.Cache(otherRunId, otherKey);

        // Then
        Assert.False(cache.IsEnabled);
        Assert.Null(cache.FilePath);
    }

    [Fact]
    public void Should_Open_Only_For_The_Site_It_Was_Saved_For_With_Or_Without_Its_Last_Slash()
    {
        // Given
        Cache().Save(Site, Snapshot());

        // When
        var withoutSlash = Cache().Load(new Uri("http://127.0.0.1:5000"), "Supervisor");
        var otherSite = Cache().Load(new Uri("http://127.0.0.1:5001/"), "Supervisor");

        // Then
        Assert.NotNull(withoutSlash);
        Assert.Null(otherSite);
    }

    [Fact]
    public void Should_Keep_A_Green_Health_Answer_With_The_Session()
    {
        // Given
        var health = new OAuthHealth(false, true, true, true, null);
        Cache().Save(Site, Snapshot() with { Health = health });

        // When
        var loaded = Cache().Load(Site, "Supervisor");

        // Then
        Assert.Equal(health, loaded!.Health);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(40)]
    public void Should_Log_In_Afresh_After_A_Torn_File(int length)
    {
        // Given
        Cache().Save(Site, Snapshot());
        File.WriteAllBytes(SessionFile, File.ReadAllBytes(SessionFile)[..length]);

        // When
        var loaded = Cache().Load(Site, "Supervisor");

        // Then
        Assert.Null(loaded);
    }

    [Fact]
    public void Should_Forget_The_Session_When_The_Run_Ends()
    {
        // Given
        Cache().Save(Site, Snapshot());

        // When
        Cache().Forget();
        Cache().Forget();
        SessionCache.None.Forget();

        // Then
        Assert.False(File.Exists(SessionFile));
        Assert.Null(Cache().Load(Site, "Supervisor"));
    }

    [Fact]
    public void Should_Need_An_Environment_Name_And_Stay_Off_When_Off()
    {
        // Then
        Assert.Throws<ArgumentException>(() => Cache().ForEnvironment(string.Empty));
        Assert.Same(SessionCache.None, SessionCache.None.ForEnvironment("dev"));
        Assert.Equal(Path.Combine(SessionFolder, run.RunId + ".dev.session"), Cache().ForEnvironment("dev").FilePath);
    }

    [Fact]
    public void Should_Need_A_Way_To_Read_The_Environment() =>
        Assert.Throws<ArgumentNullException>(() => SessionCache.FromEnvironment(null!));
}
