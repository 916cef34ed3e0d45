using System.Text.RegularExpressions;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>
/// String literals of C# source that are a YAML key path, or the start of one: <c>"identityService.url"</c>,
/// <c>"features." + code</c>, <c>$"oauthApps.{name}"</c>. A message that mentions a path among other words
/// is wording, not a path, and is not one of them; nor is a comment.
/// </summary>
public static partial class KeyPathLiterals
{
    /// <summary>Each literal shaped like a key path in <paramref name="source"/>, with its 1-based line.</summary>
    public static IEnumerable<(int Line, string Literal)> In(string source, IReadOnlyCollection<string> topLevelKeys)
    {
        var lines = source.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in Literal().Matches(lines[index]))
            {
                if (topLevelKeys.Contains(match.Groups["root"].Value))
                {
                    yield return (index + 1, match.Value);
                }
            }
        }
    }

    /// <summary>A quoted root key, a dot, then nothing or segments (names or interpolations) up to the closing quote.</summary>
    [GeneratedRegex("""\$?@?"(?<root>[A-Za-z]+)\.(?:[A-Za-z][A-Za-z0-9]*|\{[^}"]*\})?(?:\.(?:[A-Za-z][A-Za-z0-9]*|\{[^}"]*\}))*"(?!")""")]
    private static partial Regex Literal();
}
