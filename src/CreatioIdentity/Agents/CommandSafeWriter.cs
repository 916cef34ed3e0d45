namespace CreatioIdentity.Agents;

/// <summary>
/// The human-readable half of a CI agent's output. Messages quote what servers answered, and a
/// CI runner executes any log line that looks like one of its commands (GitHub: a line starting
/// with "::"; Azure Pipelines: "##vso[" anywhere, "##[" at the start). This writer holds each
/// line until it ends and breaks such a prefix with a zero-width space, so that only the agent's
/// own commands, written to the inner writer directly, are ever executed.
/// </summary>
internal sealed class CommandSafeWriter(TextWriter inner, Func<string, string> neutralize) : TextWriter
{
    private readonly System.Text.StringBuilder line = new();

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
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
        if (text.EndsWith('\r'))
        {
            text = text[..^1];
        }

        inner.Write(neutralize(text));
        inner.Write('\n');
    }
}
