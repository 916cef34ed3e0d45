namespace CreatioIdentity.Configuration;

/// <summary>
/// The one place that knows every secret of a run (passwords, client secrets, session cookies and
/// tokens, registered as they become known) and replaces each of them, in every form a server may
/// echo it (<see cref="SecretForms"/>), by <see cref="Secret.Mask"/> wherever text is made for a
/// person or a file: report.json, junit.xml, summary.md, traces, the console and the CI agents.
/// </summary>
public sealed class SecretMasker
{
    private readonly AsyncLocal<Known?>? run;
    private readonly Known process = new();

    private SecretMasker(bool perRun) => run = perRun ? new AsyncLocal<Known?>() : null;

    public SecretMasker()
        : this(perRun: false)
    {
    }

    /// <summary>
    /// The masker every report, trace, message and agent masks through. What it knows belongs to the
    /// run it was registered in (<see cref="BeginRun"/>): one process is one run, but a test process
    /// runs many, and a weak secret of one test ("password") must not mask the text of the next.
    /// </summary>
    public static SecretMasker Shared { get; } = new(perRun: true);

    /// <summary>
    /// Starts the secrets of a run: from here on, in this flow and everything it calls, the shared
    /// masker knows what the process knew so far and what this run adds; the caller's flow is unchanged.
    /// </summary>
    public static void BeginRun() => Shared.run!.Value = Shared.Current.Copy();

    private Known Current => run?.Value ?? process;

    /// <summary>Registers secrets with every form of each; empty values are ignored.</summary>
    public void Add(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Current.Add(values.OfType<string>().Where(value => value.Length > 0).Distinct(StringComparer.Ordinal));
    }

    public void Add(params string?[] values) => Add((IEnumerable<string?>)values);

    /// <summary>The text with every form of every registered secret replaced by the mask.</summary>
    public string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var form in Current.Forms)
        {
            text = text.Replace(form, Secret.Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The secrets one run (or the process) knows, and their forms, longest first.</summary>
    private sealed class Known
    {
        private readonly Lock gate = new();
        private readonly HashSet<string> secrets = new(StringComparer.Ordinal);
        private string[] forms = [];

        public string[] Forms => Volatile.Read(ref forms);

        public void Add(IEnumerable<string> values)
        {
            lock (gate)
            {
                var fresh = values.Where(secrets.Add).ToList();
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

        public Known Copy()
        {
            lock (gate)
            {
                var copy = new Known();
                copy.secrets.UnionWith(secrets);
                copy.forms = forms;
                return copy;
            }
        }
    }
}
