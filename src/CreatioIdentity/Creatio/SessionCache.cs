using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CreatioIdentity.Creatio;

/// <summary>A Creatio session as the next step process needs it: cookies and the service prefix found.</summary>
public sealed record SessionSnapshot(string Site, string Username, string? Prefix, IReadOnlyList<SessionCookie> Cookies)
{
    /// <summary>A green health answer an earlier process of this run read, with nothing written since; null otherwise.</summary>
    public OAuthHealth? Health { get; init; }
}

public sealed record SessionCookie(string Name, string Value, string Path, string Domain);

/// <summary>
/// Lets the step processes of one Cake run share one Creatio login. The session is kept only when
/// the run hands over a run id and a key (CREATIO_IDENTITY_RUN_ID, CREATIO_IDENTITY_SESSION_KEY):
/// it is stored AES-GCM encrypted, readable by the owner only, in the temp folder, and the Cake
/// script deletes it when the run ends. Without them every process logs in for itself.
/// </summary>
public sealed class SessionCache
{
    public const string RunIdVariable = "CREATIO_IDENTITY_RUN_ID";
    public const string KeyVariable = "CREATIO_IDENTITY_SESSION_KEY";

    private readonly string? filePath;
    private readonly byte[]? key;

    private SessionCache(string? filePath, byte[]? key)
    {
        this.filePath = filePath;
        this.key = key;
    }

    public static SessionCache None { get; } = new(null, null);

    public bool IsEnabled => filePath is not null;

    public static string PathFor(string runId) =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "creatio-identity", runId + ".session");

    /// <summary>The file of one environment's session: each site of a multi-site run keeps its own login.</summary>
    public static string PathFor(string runId, string environmentName) =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "creatio-identity", $"{runId}.{environmentName}.session");

    /// <summary>This run's cache for one environment: its own file, so that concurrent sites never overwrite each other's session.</summary>
    public SessionCache ForEnvironment(string environmentName)
    {
        ArgumentException.ThrowIfNullOrEmpty(environmentName);
        return filePath is null
            ? this
            : new SessionCache(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(filePath)!, $"{System.IO.Path.GetFileNameWithoutExtension(filePath)}.{environmentName}.session"), key);
    }

    public static SessionCache FromEnvironment(Func<string, string?> environment)
    {
        var runId = environment(RunIdVariable);
        var encodedKey = environment(KeyVariable);
        if (!Guid.TryParse(runId, out var id) || string.IsNullOrEmpty(encodedKey))
        {
            return None;
        }

        try
        {
            var key = Convert.FromBase64String(encodedKey);
            return key.Length == 32 ? new SessionCache(PathFor(id.ToString("D")), key) : None;
        }
        catch (FormatException)
        {
            return None;
        }
    }

    public SessionSnapshot? Load(Uri site, string username)
    {
        if (filePath is null || key is null || !File.Exists(filePath))
        {
            return null;
        }

        try
        {
            var sealedBytes = File.ReadAllBytes(filePath);
            var nonce = sealedBytes.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
            var tag = sealedBytes.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
            var cipher = sealedBytes.AsSpan(nonce.Length + tag.Length);
            var plain = new byte[cipher.Length];
            using var aes = new AesGcm(key, tag.Length);
            aes.Decrypt(nonce, cipher, tag, plain, AssociatedData(site, username));
            return JsonSerializer.Deserialize(plain, CreatioJsonContext.Default.SessionSnapshot);
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or IOException or ArgumentException)
        {
            // Another site, another user, another run's key, or a torn file: log in afresh.
            return null;
        }
    }

    public void Save(Uri site, SessionSnapshot snapshot)
    {
        if (filePath is null || key is null)
        {
            return;
        }

        var plain = JsonSerializer.SerializeToUtf8Bytes(snapshot, CreatioJsonContext.Default.SessionSnapshot);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag, AssociatedData(site, snapshot.Username));
        }

        var directory = System.IO.Path.GetDirectoryName(filePath)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var temporary = filePath + "." + Environment.ProcessId + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(nonce);
            stream.Write(tag);
            stream.Write(cipher);
        }

        File.Move(temporary, filePath, overwrite: true);
    }

    public void Forget()
    {
        if (filePath is not null && File.Exists(filePath))
        {
            File.Delete(filePath);
        }
    }

    private static byte[] AssociatedData(Uri site, string username) =>
        Encoding.UTF8.GetBytes(site.AbsoluteUri.TrimEnd('/') + "\n" + username);
}
