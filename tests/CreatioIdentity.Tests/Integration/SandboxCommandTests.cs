using CreatioIdentity.Agents;
using CreatioIdentity.Checks;
using CreatioIdentity.Commands;
using CreatioIdentity.Companions;
using CreatioIdentity.Reporting;
using Spectre.Console;

namespace CreatioIdentity.Tests.Integration;

public sealed class SandboxCommandTests
{
    [Theory]
    [InlineData("net")]
    [InlineData("netframework")]
    public async Task Should_Start_The_Sandbox_Connect_It_With_The_Embedded_Configuration_And_Stop_It(string runtime)
    {
        // Given
        var reportDir = Directory.CreateTempSubdirectory("creatio-identity-tests-").FullName;
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No });
        var sandboxDll = Path.Combine(AppContext.BaseDirectory, Companion.Sandbox.DllName);

        // When
        var exitCode = await SandboxCommand.RunAsync(new ConsoleAgent(console), _ => null, runtime, sandboxDll, configPath: null, reportDir, CancellationToken.None);

        // Then
        Assert.True(exitCode == 0, output.ToString());
        var report = ReportStore.TryRead(reportDir)!;
        Assert.All(report.Checks, check => Assert.Equal(CheckStatus.Pass, check.Status));
        Assert.Contains("Sandbox stopped.", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox-client-secret", output.ToString(), StringComparison.Ordinal);
        Directory.Delete(reportDir, recursive: true);
    }

    [Fact]
    public async Task Should_Say_How_To_Build_The_Sandbox_When_It_Is_Missing()
    {
        // Given
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No });

        // When
        var exitCode = await SandboxCommand.RunAsync(new ConsoleAgent(console), _ => null, "net", "/nowhere/CreatioIdentity.Sandbox.dll", null, Path.GetTempPath(), CancellationToken.None);

        // Then
        Assert.Equal(3, exitCode);
        Assert.Contains("dotnet build src/CreatioIdentity.Sandbox", output.ToString(), StringComparison.Ordinal);
    }
}
