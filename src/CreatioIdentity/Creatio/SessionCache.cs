using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CreatioIdentity.PrivateFiles;

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
/// the run hands over a run id, a key and a private folder (CREATIO_IDENTITY_RUN_ID,
/// CREATIO_IDENTITY_SESSION_KEY, CREATIO_IDENTITY_SESSION_DIR): it is stored AES-GCM encrypted,
/// readable by the owner only, in that folder, which the Cake script makes afresh for the run and
/// deletes when the run ends. Without them every process logs in for itself.
/// </summary>
public sealed class SessionCache
{
    public const string RunIdVariable = Protocol.EngineVariables.RunId;
    public const string KeyVariable = Protocol.EngineVariables.SessionKey;
    public const string FolderVariable = Protocol.EngineVariables.SessionDirectory;

    private const string Purpose = "the Creatio session of this run";

    private readonly byte[]? key;

    private SessionCache(string? filePath, byte[]? key)
    {
        FilePath = filePath;
        this.key = key;
    }

    public static SessionCache None { get; } = new(null, null);

    public bool IsEnabled => FilePath is not null;

    /// <summary>Where the session is kept; null when it is not.</summary>
    public string? FilePath { get; }

    /// <summary>This run's cache for one environment: its own file, so that concurrent sites never overwrite each other's session.</summary>
    public SessionCache ForEnvironment(string environmentName)
    {
        ArgumentException.ThrowIfNullOrEmpty(environmentName);
        return FilePath is null
            ? this
            : new SessionCache(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(FilePath)!, $"{System.IO.Path.GetFileNameWithoutExtension(FilePath)}.{environmentName}.session"), key);
    }

    /// <summary>The run's cache, its folder checked (and made, 0700, when missing).</summary>
    /// <exception cref="UnsafePathException">The folder is a link, another user's, or open to others: the run must stop.</exception>
    public static SessionCache FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var runId = environment(RunIdVariable);
        var encodedKey = environment(KeyVariable);
        var folder = environment(FolderVariable);
        if (!Guid.TryParse(runId, out var id) || string.IsNullOrEmpty(encodedKey) || string.IsNullOrEmpty(folder))
        {
            return None;
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(encodedKey);
        }
        catch (FormatException)
        {
            return None;
        }

        return key.Length == 32
            ? new SessionCache(System.IO.Path.Combine(PrivateFolder.Open(folder, Purpose), id.ToString("D") + ".session"), key)
            : None;
    }

    public SessionSnapshot? Load(Uri site, string username)
    {
        if (FilePath is null || key is null || !File.Exists(FilePath))
        {
            return null;
        }

        try
        {
            var sealedBytes = PrivateFile.ReadAllBytes(FilePath, Purpose);
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
            // Another site, another user, another run's key, a torn file, or a link: log in afresh.
            return null;
        }
    }

    public void Save(Uri site, SessionSnapshot snapshot)
    {
        if (FilePath is null || key is null)
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

        // Never through a link: a new owner-only file, renamed over whatever is at the path.
        PrivateFile.WriteAtomically(FilePath, stream =>
        {
            stream.Write(nonce);
            stream.Write(tag);
            stream.Write(cipher);
        });
    }

    public void Forget()
    {
        if (FilePath is not null && File.Exists(FilePath))
        {
            File.Delete(FilePath);
        }
    }

    private static byte[] AssociatedData(Uri site, string username) =>
        Encoding.UTF8.GetBytes(site.AbsoluteUri.TrimEnd('/') + "\n" + username);
}
