namespace CreatioIdentity.GitHub;

/// <summary>
/// What this program prints: plain lines, and warnings and errors as GitHub workflow commands
/// (<c>::warning::</c>, <c>::error::</c>), which a GitHub runner shows as annotations and any other
/// console shows as readable lines. Every line passes through one place so that the token never
/// gets out, even when GitHub quotes it back in an error.
/// </summary>
public sealed class WorkflowLog(TextWriter output, IEnumerable<string?> secrets)
{
    private const string Mask = "***";

    private readonly string[] secrets = [.. secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!)];

    public void Info(string message) => output.WriteLine(Scrub(message));

    public void Warning(string message) => output.WriteLine("::warning::" + Escape(Scrub(message)));

    public void Error(string message) => output.WriteLine("::error::" + Escape(Scrub(message)));

    private string Scrub(string message)
    {
        foreach (var secret in secrets)
        {
            message = message.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return message;
    }

    // A workflow command ends at the line break; GitHub reads %0A back as one.
    private static string Escape(string data) =>
        data.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
}
