using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CreatioIdentity.Sandbox.Creatio.Auth;

/// <summary>A logged-in session: the .ASPXAUTH value, the CSRF token that must come back as a header, and BPMSESSIONID once set.</summary>
internal sealed class CreatioSession(string id, string csrf, string userName)
{
    private string? laterCookie;

    public string Id { get; } = id;

    public string Csrf { get; } = csrf;

    public string UserName { get; } = userName;

    /// <summary>The BPMSESSIONID the first service call set, or null before it.</summary>
    public string? LaterCookie => Volatile.Read(ref laterCookie);

    /// <summary>Sets BPMSESSIONID once; false when an earlier call set it already.</summary>
    public bool TrySetLaterCookie(string value) => Interlocked.CompareExchange(ref laterCookie, value, null) is null;
}

internal sealed class SessionStore
{
    private readonly ConcurrentDictionary<string, CreatioSession> sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> issued = new();

    public CreatioSession Create(string userName)
    {
        var session = new CreatioSession(RandomToken(32), RandomToken(16), userName);
        sessions[session.Id] = session;
        issued.Enqueue(session.Id);
        issued.Enqueue(session.Csrf);
        return session;
    }

    /// <summary>Every session cookie, CSRF token and BPMSESSIONID handed out, for tests that prove none leaks.</summary>
    public IReadOnlyList<string> Issued => [.. issued];

    /// <summary>Ends every session, as an application restart or a session timeout would.</summary>
    public void Clear() => sessions.Clear();

    /// <summary>Ends one session (a logout, or a call refused as expired).</summary>
    public void End(string? id)
    {
        if (id is not null)
        {
            sessions.TryRemove(id, out _);
        }
    }

    public CreatioSession? Find(string? id) =>
        id is not null && sessions.TryGetValue(id, out var session) ? session : null;

    /// <summary>A fresh BPMSESSIONID, remembered as issued.</summary>
    public string NewLaterCookie()
    {
        var value = RandomToken(12);
        issued.Enqueue(value);
        return value;
    }

    public static string RandomToken(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes));
}
