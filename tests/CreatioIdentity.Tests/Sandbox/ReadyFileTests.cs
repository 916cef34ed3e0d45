using System.Runtime.Versioning;
using System.Text.Json;
using CreatioIdentity.Protocol;
using CreatioIdentity.Tests.PrivateFiles;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>The file a started sandbox leaves for its parent; it names the sandbox's credentials.</summary>
public sealed class ReadyFileTests : IDisposable
{
    private static readonly SandboxReadyFile Ready = new("http://127.0.0.1:1/", "http://127.0.0.1:2/", "Supervisor", "password", "client", "client-secret", "net", 42);
    private readonly OwnTempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task Should_Be_Readable_By_Its_Owner_Only_And_Leave_Nothing_Else()
    {
        // Given
        var path = temp.PathOf("ready.json");

        // When
        await Ready.WriteAsync(path, CancellationToken.None);

        // Then
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(["ready.json"], OwnTempFolder.Contents(temp.Root).Keys);
        using var written = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("client-secret", written.RootElement.GetProperty("clientSecret").GetString());
    }

    [UnixFact]
    public async Task Should_Replace_A_Symbolic_Link_Rather_Than_Write_The_Credentials_Through_It()
    {
        // Given
        var victim = Path.Combine(temp.Folder("elsewhere"), "victim");
        File.WriteAllText(victim, "untouched");
        var path = temp.PathOf("ready.json");
        File.CreateSymbolicLink(path, victim);

        // When
        await Ready.WriteAsync(path, CancellationToken.None);

        // Then
        Assert.Equal("untouched", File.ReadAllText(victim));
        Assert.Null(new FileInfo(path).LinkTarget);
    }
}
