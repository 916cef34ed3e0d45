using System.Text.RegularExpressions;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>
/// Key paths that a message names among its words, such as "Check identityService.url" or "creatio.runtime is
/// auto": the text of each string literal on a line that is not a comment, without its interpolation holes,
/// searched for a top-level key of the file followed by dotted names. A URL's host is not one
/// (<c>https://creatio.example.com</c>), nor is code inside a hole.
/// </summary>
public static partial class KeyPathMentions
{
    /// <summary>Each key path a literal of <paramref name="source"/> mentions, with its 1-based line.</summary>
    public static IEnumerable<(int Line, string Path)> In(string source, IReadOnlyCollection<string> topLevelKeys)
    {
        var lines = source.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match literal in Literal().Matches(lines[index]))
            {
                var text = Hole().Replace(literal.Groups["text"].Value, " ");
                foreach (Match mention in Mention().Matches(text))
                {
                    if (topLevelKeys.Contains(mention.Groups["root"].Value))
                    {
                        yield return (index + 1, mention.Value);
                    }
                }
            }
        }
    }

    /// <summary>A string literal on one line, plain, verbatim or interpolated: its text between the quotes.</summary>
    [GeneratedRegex("""\$?@?"(?<text>(?:[^"\\]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Literal();

    /// <summary>An interpolation hole ({name}, {config.Url}): code, not wording.</summary>
    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Hole();

    /// <summary>A lower-case word and one or more dotted names, not inside a URL, a file name or another path.</summary>
    [GeneratedRegex(@"(?<![\w./@:-])(?<root>[a-z][A-Za-z]*)(?:\.[A-Za-z][A-Za-z0-9]*)+")]
    private static partial Regex Mention();
}
