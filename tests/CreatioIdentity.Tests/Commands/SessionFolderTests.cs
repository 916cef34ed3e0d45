using System.Security.Cryptography;
using CreatioIdentity.Agents;
using CreatioIdentity.Commands;
using CreatioIdentity.Creatio;
using CreatioIdentity.Tests.PrivateFiles;
using Spectre.Console;

namespace CreatioIdentity.Tests.Commands;

/// <summary>A run whose session folder another user could read or swap stops before it logs in.</summary>
public sealed class SessionFolderTests : IDisposable
{
    private const string Yaml = """
        version: 1
        creatio:
          url: http://127.0.0.1:9/
          username: Supervisor
          password: ${CREATIO_PASSWORD}
        identityService:
          url: http://127.0.0.1:9/
          clientId: client
          clientSecret: ${IDENTITY_CLIENT_SECRET}
        """;

    private readonly OwnTempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private async Task<(int ExitCode, string Output)> ValidateAsync(string sessionFolder)
    {
        var config = temp.PathOf("creatio-identity.yml");
        File.WriteAllText(config, Yaml);
        var environment = new Dictionary<string, string>
        {
            ["CREATIO_PASSWORD"] = "password",
            ["IDENTITY_CLIENT_SECRET"] = "secret",
            [SessionCache.RunIdVariable] = Guid.NewGuid().ToString("D"),
            [SessionCache.KeyVariable] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [SessionCache.FolderVariable] = sessionFolder,
        };
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        console.Profile.Width = 400;
        var exitCode = await new CommandRunner(new ConsoleAgent(console), name => environment.GetValueOrDefault(name))
            .RunAsync(EngineCommands.Find("validate")!, config, temp.PathOf("report"), CancellationToken.None);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task Should_Run_With_A_Folder_Of_Its_Own()
    {
        // Given, When
        var (exitCode, output) = await ValidateAsync(temp.PathOf("session"));

        // Then
        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.True(Directory.Exists(temp.PathOf("session")));
    }

    [RootFact]
    public async Task Should_Stop_With_Exit_1_When_Another_User_Owns_The_Session_Folder()
    {
        // Given
        var folder = temp.Folder("session");
        OwnTempFolder.GiveToNobody(folder);

        // When
        var (exitCode, output) = await ValidateAsync(folder);

        // Then
        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains($"The folder {folder} for the Creatio session of this run is not private: it belongs to user id 65534", output, StringComparison.Ordinal);
        Assert.Empty(OwnTempFolder.Contents(folder));
    }

    [UnixFact]
    public async Task Should_Stop_With_Exit_1_When_The_Session_Folder_Is_A_Symbolic_Link()
    {
        // Given
        var elsewhere = temp.Folder("elsewhere");
        var folder = temp.PathOf("session");
        File.CreateSymbolicLink(folder, elsewhere);

        // When
        var (exitCode, output) = await ValidateAsync(folder);

        // Then
        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Contains("is a symbolic link", output, StringComparison.Ordinal);
        Assert.Empty(OwnTempFolder.Contents(elsewhere));
    }
}
