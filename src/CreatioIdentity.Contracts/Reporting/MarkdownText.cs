using System.Text.RegularExpressions;

namespace CreatioIdentity.Reporting;

/// <summary>
/// Text from a report (messages that quote servers, names and URLs from the YAML file) put into
/// Markdown that GitHub renders (summary.md, the job summary, check runs, issues) so that it shows
/// as written and does nothing: as inline code, where no link, image, autolink, HTML tag,
/// @mention, #reference or GH-reference is made. Only a plain identifier (a check id, a step
/// name, a simple environment name) is written as it is.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>Inline code on one line (line breaks become spaces); empty text gives an empty string.</summary>
    public static string Code(string? text) => Span(Flat(text));

    /// <summary>In running text: an identifier as it is, anything else as inline code.</summary>
    public static string Inline(string? text)
    {
        var flat = Flat(text);
        return Identifier().IsMatch(flat) ? flat : Span(flat);
    }

    /// <summary>A table cell: an identifier as it is, anything else as inline code, line by line (joined by &lt;br&gt;).</summary>
    public static string Cell(string? text)
    {
        var clean = LogText.Clean(text);
        return Identifier().IsMatch(clean) ? clean : CodeCell(clean);
    }

    /// <summary>
    /// A table cell of inline code, line by line. In a GitHub table a "|" ends the cell even
    /// inside inline code unless it is written "\|" (the table reads that as "|" before the code).
    /// </summary>
    public static string CodeCell(string? text) =>
        string.Join("<br>", LogText.Clean(text).Split('\n')
            .Select(line => line.Replace('\t', ' ').TrimEnd())
            .Where(line => line.Length > 0)
            .Select(line => Span(line).Replace("|", "\\|", StringComparison.Ordinal)));

    private static string Flat(string? text) => LogText.Clean(text).Replace('\n', ' ').Replace('\t', ' ').Trim();

    /// <summary>
    /// A code span: fenced by one backtick more than the longest run inside, and padded with a
    /// space when the text starts or ends with a backtick, or with a space at both ends (a code
    /// span drops one space from each end).
    /// </summary>
    private static string Span(string text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = text[0] == '`' || text[^1] == '`' || (text[0] == ' ' && text[^1] == ' ') ? " " : string.Empty;
        return fence + pad + text + pad + fence;
    }

    // Letters, digits and underscores, starting with a letter: nothing in it that Markdown or GitHub acts on.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,99}$")]
    private static partial Regex Identifier();
}
