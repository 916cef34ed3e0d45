namespace CreatioIdentity.Sandbox;

/// <summary>
/// What a hostile or careless server may put in a message, all of it text that must stay text in
/// every log, file, check run and issue: GitHub workflow commands at the start of a line (after a
/// carriage return, after a line feed), GitHub's older "##[" form and an Azure Pipelines command
/// in mid-line, an escaped newline, Markdown that shows an image, links, mentions and references,
/// HTML, an autolink, a backtick, a pipe, and a terminal escape. Each active part is followed by
/// "pwned", so that a test can tell it took effect.
/// </summary>
public static class HostileText
{
    public const string Marker = "pwned";

    public const string Value =
        "Rejected.\r::error::pwned-cr\n::warning::pwned-lf ##[error]pwned-legacy ##vso[task.complete result=Succeeded;]pwned-vso "
        + "%0A::error::pwned-escaped ![pwned-image](https://evil.example/pwned.png) [pwned-link](https://evil.example/) "
        + "<img src=\"https://evil.example/pwned.png\"> <b>pwned-html</b> @octocat #1 GH-1 https://evil.example/pwned-autolink "
        + "www.evil.example `tick` a|b \u001b]0;pwned-title\u0007";

    /// <summary>What GitHub turns into a mention or a reference wherever it is not code.</summary>
    public static IReadOnlyList<string> References { get; } = ["@octocat", "#1", "GH-1"];
}
