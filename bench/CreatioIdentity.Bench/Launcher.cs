namespace CreatioIdentity.Bench;

/// <summary>A native engine runs as itself; a .dll runs under dotnet.</summary>
internal static class Launcher
{
    public static string Executable(string engine) => IsDll(engine) ? "dotnet" : engine;

    public static IEnumerable<string> Prefix(string engine) => IsDll(engine) ? [engine] : [];

    private static bool IsDll(string engine) => engine.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
}
