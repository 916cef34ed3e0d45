using CreatioIdentity.Reporting;

namespace CreatioIdentity.Agents;

/// <summary>
/// The human-readable half of a CI agent's output. Messages quote what servers answered, and a
/// CI runner executes any log line that looks like one of its commands (GitHub: a line starting
/// with "::", or "##[" anywhere; Azure Pipelines: "##vso[" anywhere). This writer holds each line
/// until it ends and neutralises it (<see cref="LogText.Neutralize"/>), so that only the agent's
/// own commands, written to the inner writer directly, are ever executed. A carriage return ends a
/// line as a line feed does: a runner reads it so, and a command after it must not slip through.
/// </summary>
internal sealed class CommandSafeWriter(TextWriter inner) : TextWriter
{
    private readonly System.Text.StringBuilder line = new();
    private bool afterCarriageReturn;

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        var crLf = afterCarriageReturn && value == '\n';
        afterCarriageReturn = value == '\r';
        if (crLf)
        {
            return; // the CR before it ended the line
        }

        if (value is '\n' or '\r')
        {
            EndLine();
        }
        else
        {
            line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (var i = index; i < index + count; i++)
        {
            Write(buffer[i]);
        }
    }

    /// <summary>Ends a line left open, so that the next command starts a line of its own.</summary>
    public void CloseLine()
    {
        if (line.Length > 0)
        {
            EndLine();
        }

        inner.Flush();
    }

    public override void Flush() => inner.Flush();

    private void EndLine()
    {
        var text = line.ToString();
        line.Clear();
        inner.Write(LogText.Neutralize(text));
        inner.Write('\n');
    }
}
