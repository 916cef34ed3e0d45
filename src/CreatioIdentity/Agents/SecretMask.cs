using CreatioIdentity.Configuration;

namespace CreatioIdentity.Agents;

/// <summary>
/// The values an agent must never print, and their replacement by <see cref="Secret.Mask"/>.
/// Defence in depth: secrets are not supposed to reach an agent at all.
/// </summary>
internal sealed class SecretMask
{
    private readonly Lock gate = new();
    private string[] values = [];

    public void Add(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        lock (gate)
        {
            // Longest first, so that a secret containing another is masked whole.
            values = [.. values.Concat(secrets.Where(s => !string.IsNullOrEmpty(s)))
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(s => s.Length)];
        }
    }

    public string Apply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var value in Volatile.Read(ref values))
        {
            text = text.Replace(value, Secret.Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
