namespace CreatioIdentity.Tests.Integration;

/// <summary>The engine as its own process with its output redirected, as a CI log or `> file` takes it.</summary>
public sealed class ConsoleOutputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    // The engine's own build output, of the configuration these tests were built in (bin/<configuration>/net10.0).
    private static readonly string Engine = Path.Combine(
        EngineRun.RepositoryRoot, "src", "CreatioIdentity", "bin", new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "creatio-identity.dll");

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    public async Task Should_Print_Plain_Text_To_A_Redirected_Output_Even_Where_The_Terminal_Has_Colours(string? noColor)
    {
        // Given: a terminal that claims every colour, and NO_COLOR unset or set
        await using var world = await EngineRun.StartAsync();
        var environment = new Dictionary<string, string?>(world.Environment)
        {
            ["TERM"] = "xterm-256color",
            ["COLORTERM"] = "truecolor",
            ["NO_COLOR"] = noColor,
        };

        // When
        var (exitCode, output) = await ChildProcess.RunAsync(
            "dotnet", [Engine, "connect", "--config", world.ConfigPath, "--report-dir", Path.Combine(world.Directory, "report")], world.Directory, environment, Timeout);

        // Then: no ANSI code, and one story: each step named once, the verdict last
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain('\u001b', output);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(["── Validate", "── Preflight", "── EnableFeature", "── ApplySettings", "── TestConnection", "── Diagnose"], lines.Where(line => line.StartsWith("── ", StringComparison.Ordinal)));
        Assert.StartsWith("Creatio Identity Service: connected", lines.Single(line => line.StartsWith("Creatio Identity Service:", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Single(lines, line => line.StartsWith("Report: ", StringComparison.Ordinal));
    }
}
