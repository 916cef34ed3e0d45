namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// `dotnet cake` from the repository root as its own process, as a person or a CI step runs it.
/// Bounded: four minutes covers a native publish.
/// </summary>
internal static class CakeProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    public static Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>> environment) =>
        ChildProcess.RunAsync("dotnet", ["cake", .. arguments], EngineRun.RepositoryRoot, environment, Timeout);
}
