using System.Security.Cryptography;
using CreatioIdentity.Creatio;
using CreatioIdentity.Tests.PrivateFiles;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>A run's session folder, id and key, as the Cake script hands them to each engine process, in a temp folder of the test's own.</summary>
internal sealed class RunSessionFolder : IDisposable
{
    public OwnTempFolder Temp { get; } = new();

    public string RunId { get; } = Guid.NewGuid().ToString("D");

    public string Key { get; } = NewKey();

    public string Folder => Temp.PathOf("session");

    /// <summary>Where the run keeps its one session when it names no environment.</summary>
    public string SessionFile => Path.Combine(Folder, RunId + ".session");

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The cache as a process of the run opens it; any of the three variables may be replaced.</summary>
    public SessionCache Cache(string? runId = null, string? key = null, string? folder = null) => SessionCache.FromEnvironment(name => name switch
    {
        SessionCache.RunIdVariable => runId ?? RunId,
        SessionCache.KeyVariable => key ?? Key,
        SessionCache.FolderVariable => folder ?? Folder,
        _ => null,
    });

    public void Dispose() => Temp.Dispose();
}
