using CreatioIdentity.Protocol;
using CreatioIdentity.Tests.PrivateFiles;

namespace CreatioIdentity.Tests.Protocol;

/// <summary>The ready file: the sandbox writes it, the engine (or a script) reads it.</summary>
public sealed class SandboxReadyFileTests : IDisposable
{
    private readonly OwnTempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Should_Read_Back_What_The_Sandbox_Wrote()
    {
        // Given
        var written = new SandboxReadyFile("http://127.0.0.1:1/", "http://127.0.0.1:2/", "Supervisor", "password", "client", "client-secret", "netframework", 42);
        var path = temp.PathOf("ready.json");

        // When
        await written.WriteAsync(path, CancellationToken.None);
        var read = SandboxReadyFile.Parse(File.ReadAllBytes(path));

        // Then
        Assert.Equal(written, read);
    }

    [Fact]
    public void Should_Name_Its_Fields_As_Scripts_Read_Them()
    {
        // Given: action/test.sh, bench/sandbox.sh and .ci/test-azure-template.py read these names
        var json = """{"creatioUrl":"c","identityServiceUrl":"i","creatioUsername":"u","creatioPassword":"p","clientId":"id","clientSecret":"s","runtime":"net","pid":7}"""u8;

        // When
        var read = SandboxReadyFile.Parse(json);

        // Then
        Assert.Equal(new SandboxReadyFile("c", "i", "u", "p", "id", "s", "net", 7), read);
    }

    [Fact]
    public void Should_Read_No_Ready_File_From_Half_A_File()
    {
        // When
        var read = SandboxReadyFile.Parse("""{"creatioUrl":"c","""u8);

        // Then
        Assert.Null(read);
    }

    [Fact]
    public void Should_Give_The_Variables_The_Sandbox_Configuration_Reads()
    {
        // Given
        var ready = new SandboxReadyFile("c", "i", "u", "p", "id", "s", "net", 7);

        // When
        var variables = ready.Environment();

        // Then: examples/sandbox.yml
        var example = File.ReadAllText(Path.Combine(Integration.EngineRun.RepositoryRoot, "examples", "sandbox.yml"));
        Assert.All(variables.Keys, name => Assert.Contains("${" + name + "}", example, StringComparison.Ordinal));
    }
}
