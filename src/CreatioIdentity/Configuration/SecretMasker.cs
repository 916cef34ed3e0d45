namespace CreatioIdentity.Configuration;

/// <summary>
/// The one place that knows every secret of this process (passwords, client secrets, session
/// cookies and tokens, registered as they become known) and replaces each of them, in every form
/// a server may echo it (<see cref="SecretForms"/>), by <see cref="Secret.Mask"/> wherever text is
/// made for a person or a file: report.json, junit.xml, summary.md, the console and the CI agents.
/// </summary>
public sealed class SecretMasker
{
    private readonly Lock gate = new();
    private readonly HashSet<string> secrets = new(StringComparer.Ordinal);
    private string[] forms = [];

    /// <summary>The process's masker: every report, trace, message and agent masks through it.</summary>
    public static SecretMasker Shared { get; } = new();

    /// <summary>Registers secrets with every form of each; empty values are ignored.</summary>
    public void Add(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var added = values.OfType<string>().Where(value => value.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        lock (gate)
        {
            var fresh = added.Where(secrets.Add).ToList();
            if (fresh.Count == 0)
            {
                return;
            }

            // Longest first, so that a form containing another is masked whole.
            Volatile.Write(ref forms, [.. forms.Concat(fresh.SelectMany(SecretForms.Of))
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(form => form.Length)
                .ThenBy(form => form, StringComparer.Ordinal)]);
        }
    }

    public void Add(params string?[] values) => Add((IEnumerable<string?>)values);

    /// <summary>The text with every form of every registered secret replaced by the mask.</summary>
    public string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var form in Volatile.Read(ref forms))
        {
            text = text.Replace(form, Secret.Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
