using System.Collections.Concurrent;

namespace CreatioIdentity.Sandbox.IdentityService;

/// <summary>The access tokens the Identity Service issued, in order.</summary>
public sealed class IssuedTokens
{
    private readonly ConcurrentQueue<string> tokens = new();

    public IReadOnlyList<string> All => [.. tokens];

    internal void Add(string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            tokens.Enqueue(token);
        }
    }
}
