using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CreatioIdentity.Sandbox.Creatio.Auth;

/// <summary>A logged-in session: the .ASPXAUTH value and the CSRF token that must come back as a header.</summary>
internal sealed record CreatioSession(string Id, string Csrf, string UserName);

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

    /// <summary>Every session cookie and CSRF token handed out, for tests that prove none leaks.</summary>
    public IReadOnlyList<string> Issued => [.. issued];

    /// <summary>Ends every session, as an application restart or a session timeout would.</summary>
    public void Clear() => sessions.Clear();

    public CreatioSession? Find(string? id) =>
        id is not null && sessions.TryGetValue(id, out var session) ? session : null;

    public static string RandomToken(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes));
}
