using CreatioIdentity.Companions;
using CreatioIdentity.Tests.PrivateFiles;

namespace CreatioIdentity.Tests.Companions;

/// <summary>The dotnet that starts the sandbox is found by full path, never in the current directory.</summary>
public sealed class DotNetHostTests : IDisposable
{
    private static readonly string FileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
    private readonly OwnTempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>A folder holding a file named like the dotnet host.</summary>
    private string HostIn(string folderName)
    {
        var folder = temp.Folder(folderName);
        File.WriteAllText(Path.Combine(folder, FileName), "not really dotnet");
        return folder;
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;

    [Fact]
    public void Should_Skip_The_Current_Directory_And_Relative_Entries_On_Path()
    {
        // Given: the working copy holds a planted dotnet, and PATH names it three ways before the real one
        var workingCopy = HostIn("working-copy");
        var installed = HostIn("installed");
        var path = string.Join(Path.PathSeparator, ".", "working-copy", workingCopy, installed);

        // When
        var host = DotNetHost.Find(Environment(("PATH", path)), processPath: null, currentDirectory: workingCopy);

        // Then
        Assert.Equal(Path.Combine(installed, FileName), host);
    }

    [Fact]
    public void Should_Take_DOTNET_HOST_PATH_First()
    {
        // Given
        var cli = HostIn("cli");
        var onPath = HostIn("on-path");

        // When
        var host = DotNetHost.Find(
            Environment((DotNetHost.HostPathVariable, Path.Combine(cli, FileName)), ("PATH", onPath)),
            processPath: Path.Combine(onPath, FileName),
            currentDirectory: temp.Root);

        // Then
        Assert.Equal(Path.Combine(cli, FileName), host);
    }

    [Fact]
    public void Should_Take_The_Running_Dotnet_When_The_Engine_Runs_On_It()
    {
        // Given
        var running = HostIn("running");

        // When
        var host = DotNetHost.Find(Environment(), processPath: Path.Combine(running, FileName), currentDirectory: temp.Root);

        // Then
        Assert.Equal(Path.Combine(running, FileName), host);
    }

    [Fact]
    public void Should_Say_What_To_Set_When_Only_The_Current_Directory_Has_One()
    {
        // Given
        var workingCopy = HostIn("working-copy");
        var nativeEngine = Path.Combine(temp.Root, OperatingSystem.IsWindows() ? "creatio-identity.exe" : "creatio-identity");

        // When
        var refusal = Assert.Throws<InvalidOperationException>(() =>
            DotNetHost.Find(Environment(("PATH", workingCopy), (DotNetHost.HostPathVariable, Path.Combine(workingCopy, FileName))), nativeEngine, workingCopy));

        // Then
        Assert.Contains(DotNetHost.HostPathVariable, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("the current directory is not searched", refusal.Message, StringComparison.Ordinal);
    }
}
