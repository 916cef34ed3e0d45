using System.Text;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Reporting;

/// <summary>
/// Text from elsewhere (what a server answered, a file's content) made fit for a log: masked,
/// with nothing that a terminal or a CI runner would act on. Servers are not trusted to send
/// plain text: an answer can carry a carriage return that starts a log line of its own, terminal
/// escapes, or a line that a runner would execute as one of its commands.
/// </summary>
public static class LogText
{
    private const char Replacement = '\uFFFD';
    private const string ZeroWidthSpace = "\u200B";

    /// <summary>Masked (before and after cleaning, so that no cleaning can put a secret back together), then <see cref="Clean"/>.</summary>
    public static string Printable(string? text, SecretMasker masker)
    {
        ArgumentNullException.ThrowIfNull(masker);
        return masker.Mask(Clean(masker.Mask(text)));
    }

    /// <summary>
    /// Every line break (CR, CR LF, NEL, LS, PS, FF) becomes LF; every other control character
    /// (C0 but the tab, DEL, C1: terminal escapes among them) and every bidirectional override
    /// becomes U+FFFD, visibly, rather than vanish and join what was around it.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var lines = text.ReplaceLineEndings("\n");
        if (!lines.Any(IsUnwanted))
        {
            return lines;
        }

        var builder = new StringBuilder(lines.Length);
        foreach (var c in lines)
        {
            builder.Append(IsUnwanted(c) ? Replacement : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// One log line that a CI runner must show and never execute: "##[" (GitHub's older command
    /// form, and Azure's formatting) and "##vso[" (Azure's commands) are broken wherever they are,
    /// "::" (GitHub's commands) where the line starts. A zero-width space does the breaking, so
    /// the line still reads the same (and no longer starts with "##" either).
    /// </summary>
    public static string Neutralize(string line)
    {
        ArgumentNullException.ThrowIfNull(line);

        var text = line.Replace("##vso[", "#" + ZeroWidthSpace + "#vso[", StringComparison.OrdinalIgnoreCase)
            .Replace("##[", "#" + ZeroWidthSpace + "#[", StringComparison.Ordinal);
        var start = text.Length - text.TrimStart().Length;
        return text.AsSpan(start).StartsWith("::", StringComparison.Ordinal)
            ? string.Concat(text.AsSpan(0, start + 1), ZeroWidthSpace, text.AsSpan(start + 1))
            : text;
    }

    /// <summary>Each line of a text <see cref="Neutralize"/>d: for text that a log shows over several lines.</summary>
    public static string NeutralizeLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join('\n', text.Split('\n').Select(Neutralize));
    }

    private static bool IsUnwanted(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\t') || IsBidirectionalControl(c);

    // Marks and overrides that reorder how a line shows (the "Trojan Source" characters).
    private static bool IsBidirectionalControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
