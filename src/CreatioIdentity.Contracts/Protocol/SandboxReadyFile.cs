using System.Text.Json;
using System.Text.Json.Serialization;

namespace CreatioIdentity.Protocol;

/// <summary>
/// What a started sandbox writes for the process that waits for it (the engine's sandbox command,
/// a script), once it listens: where it is and its own throwaway credentials. The sandbox takes
/// the path with <see cref="ReadyFileOption"/>.
/// </summary>
public sealed record SandboxReadyFile(
    string CreatioUrl,
    string IdentityServiceUrl,
    string CreatioUsername,
    string CreatioPassword,
    string ClientId,
    string ClientSecret,
    string Runtime,
    int Pid)
{
    /// <summary>The sandbox's option: write the ready file here.</summary>
    public const string ReadyFileOption = "--ready-file";

    /// <summary>The sandbox's option: stop when this process does.</summary>
    public const string ParentPidOption = "--parent-pid";

    /// <summary>The sandbox's option: net or netframework.</summary>
    public const string RuntimeOption = "--runtime";

    /// <summary>The variables examples/sandbox.yml reads: the sandbox's throwaway credentials.</summary>
    public Dictionary<string, string> Environment() => new()
    {
        ["SANDBOX_CREATIO_URL"] = CreatioUrl,
        ["SANDBOX_IDENTITY_URL"] = IdentityServiceUrl,
        ["CREATIO_USERNAME"] = CreatioUsername,
        ["CREATIO_PASSWORD"] = CreatioPassword,
        ["IDENTITY_CLIENT_ID"] = ClientId,
        ["IDENTITY_CLIENT_SECRET"] = ClientSecret,
    };

    /// <summary>The ready file in <paramref name="json"/>, or null when it is not one.</summary>
    public static SandboxReadyFile? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, SandboxReadyFileJsonContext.Default.SandboxReadyFile);
        }
        catch (JsonException)
        {
            return null;
        }
    }

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
                await JsonSerializer.SerializeAsync(stream, this, SandboxReadyFileJsonContext.Default.SandboxReadyFile, cancellationToken);
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

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SandboxReadyFile))]
internal sealed partial class SandboxReadyFileJsonContext : JsonSerializerContext;
