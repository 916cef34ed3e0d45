using CreatioIdentity.Tests.TempFolder;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// `dotnet cake` from the repository root as its own process, as a person or a CI step runs it.
/// Bounded: four minutes covers a native publish.
/// </summary>
internal static class CakeProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>
    /// Runs Cake with a temp folder of its own unless the test gives one (TMPDIR): Cake, NuGet and the
    /// SDK keep scratch folders there by design. Once Cake has ended, nothing of the product may be
    /// left in it (<see cref="ProductLeftovers"/>); then it goes.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>> environment)
    {
        var given = environment.ToList();
        if (given.Any(variable => variable.Key == "TMPDIR"))
        {
            return await ChildProcess.RunAsync("dotnet", ["cake", .. arguments], EngineRun.RepositoryRoot, given, Timeout);
        }

        var temp = Directory.CreateTempSubdirectory("cake-").FullName;
        try
        {
            var result = await ChildProcess.RunAsync("dotnet", ["cake", .. arguments], EngineRun.RepositoryRoot, [.. given, new("TMPDIR", temp), new("TMP", temp)], Timeout);
            var leftovers = ProductLeftovers.In(temp);
            Assert.True(leftovers.Count == 0, $"dotnet cake {string.Join(' ', arguments)} left in its temp folder: {string.Join(", ", leftovers)}");
            return result;
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
