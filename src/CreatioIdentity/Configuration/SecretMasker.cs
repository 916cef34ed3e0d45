namespace CreatioIdentity.Configuration;

/// <summary>
/// The one place that knows every secret of this process (passwords, client secrets, session
/// cookies and tokens, registered as they become known) and replaces each of them by
/// <see cref="Secret.Mask"/> wherever text is made for a person or a file.
/// </summary>
public sealed class SecretMasker
{
    private readonly Lock gate = new();
    private string[] values = [];

    /// <summary>The process's masker: every report, trace, message and agent masks through it.</summary>
    public static SecretMasker Shared { get; } = new();

    /// <summary>Registers secrets; empty values are ignored.</summary>
    public void Add(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        lock (gate)
        {
            // Longest first, so that a secret containing another is masked whole.
            values = [.. values.Concat(secrets.OfType<string>().Where(secret => secret.Length > 0))
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(secret => secret.Length)];
        }
    }

    public void Add(params string?[] secrets) => Add((IEnumerable<string?>)secrets);

    /// <summary>The text with every registered secret replaced by the mask.</summary>
    public string Mask(string? text)
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
