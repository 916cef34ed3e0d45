using System.Text;
using System.Text.Json;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.PrivateFiles;

namespace CreatioIdentity.OAuthApps;

/// <summary>
/// credentials.file: <c>{"clientId","clientSecret"}</c>, written whole (readers see the old file or the new one,
/// never half) with mode 0600 through <see cref="PrivateFile"/>, in a folder made 0700 when missing. Read back
/// to prove the app on later runs: Creatio never shows a secret again.
/// </summary>
public static class CredentialsFile
{
    private const string Purpose = "the credentials of an OAuth app";

    public static void Write(string path, IssuedCredentials credentials)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        PrivateFile.WriteAtomically(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("clientId", credentials.ClientId);
            json.WriteString("clientSecret", credentials.ClientSecret.Reveal());
            json.WriteEndObject();
        });
    }

    /// <summary>The credentials in the file, masked at once; null when there is no readable file.</summary>
    public static IssuedCredentials? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(PrivateFile.ReadAllBytes(path, Purpose)));
            var root = document.RootElement;
            var clientId = root.ValueKind == JsonValueKind.Object ? root.Text("clientId") : null;
            var secret = root.ValueKind == JsonValueKind.Object ? root.Text("clientSecret") : null;
            SecretMasker.Shared.Add(secret);
            return clientId is { Length: > 0 } && secret is { Length: > 0 } ? new IssuedCredentials(clientId, new Secret(secret)) : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
