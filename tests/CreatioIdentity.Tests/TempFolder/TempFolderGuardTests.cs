namespace CreatioIdentity.Tests.TempFolder;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TempFolderGuardGroup
{
    public const string Name = "Temp folder guard";
}

/// <summary>
/// A test run leaves the temp folder as it found it: every test, fixture, engine command, sandbox
/// and child process removes what it put there. Runs last (<see cref="LastCollectionOrderer"/>), so
/// in a full run it names whatever any of them left.
/// </summary>
[Collection(TempFolderGuardGroup.Name)]
public sealed class TempFolderGuardTests
{
    [Fact]
    public void Should_Be_Left_As_The_Run_Found_It()
    {
        // Given: every other test of the run has finished (this collection runs last)

        // When
        var leftovers = RunTempFolder.Leftovers();

        // Then
        Assert.True(leftovers.Count == 0, $"The run left {leftovers.Count} entries in its temp folder {RunTempFolder.Path}:\n{string.Join('\n', leftovers)}");
    }
}
