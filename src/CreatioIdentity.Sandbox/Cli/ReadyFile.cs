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

    /// <summary>Writes a temporary file and renames it, so a reader never sees half a file.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = fullPath + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(this, Indented), cancellationToken);
        File.Move(temporary, fullPath, overwrite: true);
    }
}
