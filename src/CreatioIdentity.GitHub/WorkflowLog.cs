using CreatioIdentity.Configuration;
using CreatioIdentity.Reporting;

namespace CreatioIdentity.GitHub;

/// <summary>
/// What this program prints: plain lines, and warnings and errors as GitHub workflow commands
/// (<c>::warning::</c>, <c>::error::</c>), which a GitHub runner shows as annotations and any other
/// console shows as readable lines. Every line passes through one place so that no secret gets
/// out, even when GitHub quotes the token back in an error, and so that no text from the report
/// (an environment's name) or from GitHub becomes a command of the runner.
/// </summary>
public sealed class WorkflowLog(TextWriter output, SecretMasker? masker = null)
{
    private readonly SecretMasker mask = masker ?? SecretMasker.Shared;

    public void Info(string message)
    {
        foreach (var line in LogText.Printable(message, mask).Split('\n'))
        {
            output.WriteLine(LogText.Neutralize(line));
        }
    }

    public void Warning(string message) => output.WriteLine("::warning::" + Escape(Data(message)));

    public void Error(string message) => output.WriteLine("::error::" + Escape(Data(message)));

    private string Data(string message) => LogText.Neutralize(LogText.Printable(message, mask));

    // A workflow command ends at the line break; GitHub reads %0A back as one.
    private static string Escape(string data) =>
        data.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
}
