using System.Text.Json;
using System.Text.Json.Serialization;

namespace CreatioIdentity.Sandbox.Cli;

/// <summary>
/// What a started sandbox tells the process that waits for it. The credentials are the sandbox's
/// own throwaway ones.
/// </summary>
internal sealed record ReadyFile(
    [property: JsonPropertyName("creatioUrl")] string CreatioUrl,
    [property: JsonPropertyName("identityServiceUrl")] string IdentityServiceUrl,
    [property: JsonPropertyName("creatioUsername")] string CreatioUsername,
    [property: JsonPropertyName("creatioPassword")] string CreatioPassword,
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("clientSecret")] string ClientSecret,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("pid")] int Pid)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static ReadyFile From(SandboxHost sandbox) => new(
        sandbox.CreatioUrl.ToString(),
        sandbox.IdentityServiceUrl.ToString(),
        sandbox.Options.CreatioUsername,
        sandbox.Options.CreatioPassword,
        sandbox.Options.ClientId,
        sandbox.Options.ClientSecret,
        SandboxArguments.RuntimeName(sandbox.Options.Runtime),
        Environment.ProcessId);

    /// <summary>
    /// Writes a new owner-only file under a name nobody can guess and renames it into place, so a
    /// reader never sees half a file, and a link at the path is replaced, never written through.
    /// The folder is the caller's (a private one it made for the run).
    /// </summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using (var stream = new FileStream(temporary, options))
            {
                await JsonSerializer.SerializeAsync(stream, this, Indented, cancellationToken);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
