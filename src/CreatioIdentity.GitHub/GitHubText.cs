using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.GitHub;

/// <summary>
/// The last stop of every text this program sends to GitHub (a check run's title and summary, an
/// issue's title, body and comments): masked and cleaned of control characters. The Markdown in
/// it shows report text as code already (<see cref="MarkdownText"/>).
/// </summary>
public static class GitHubText
{
    /// <summary>A title: one line, at most <paramref name="maxLength"/> characters.</summary>
    public static string Line(string text, int maxLength = 200)
    {
        var line = LogText.Printable(text, SecretMasker.Shared).Replace('\n', ' ').Trim();
        return line.Length <= maxLength ? line : line[..(maxLength - 1)] + "…";
    }

    /// <summary>A Markdown body.</summary>
    public static string Markdown(string text) => LogText.Printable(text, SecretMasker.Shared);
}
