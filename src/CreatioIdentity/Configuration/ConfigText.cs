using System.Buffers;
using System.Globalization;
using System.Text;

namespace CreatioIdentity.Configuration;

/// <summary>
/// What the file must be before YAML is parsed at all: small, UTF-8, and free of characters that
/// an editor does not show. Each check names the position it is about.
/// </summary>
internal static class ConfigText
{
    /// <summary>A configuration file is a few hundred bytes; anything past this is the wrong file, or a hostile one.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes as text; null after reporting when they are not UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, List<ConfigDiagnostic> errors)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            errors.Add(Error(displayPath, 1, 1, "the file is UTF-16 encoded; save it as UTF-8"));
            return null;
        }

        var line = 1;
        var column = 1;
        for (var offset = 0; offset < bytes.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out var rune, out var consumed) != OperationStatus.Done)
            {
                errors.Add(Error(displayPath, line, column,
                    $"the file is not valid UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset} cannot start or continue a character; save the file as UTF-8"));
                return null;
            }

            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + rune.Utf16SequenceLength);
            offset += consumed;
        }

        return StrictUtf8.GetString(bytes);
    }

    /// <summary>
    /// Characters YAML forbids or an editor hides: control characters other than tab and line
    /// breaks, a byte order mark inside the text, Unicode line separators, bidirectional overrides
    /// (which make the text shown differ from the text read) and broken surrogate pairs.
    /// </summary>
    public static ConfigDiagnostic? FindHiddenCharacter(string text, string displayPath)
    {
        var line = 1;
        var column = 1;
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (c == '\n')
            {
                (line, column) = (line + 1, 1);
                continue;
            }

            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
                column += 2;
                continue;
            }

            if (Describe(c, index) is { } what)
            {
                return Error(displayPath, line, column,
                    $"{what} U+{(int)c:X4} is not allowed in the file (most editors do not show it); delete it, or write the value through ${{VAR}} if it must hold one");
            }

            column++;
        }

        return null;
    }

    /// <summary>The first tab in the indentation of a line up to <paramref name="untilLine"/>: YAML indents with spaces only.</summary>
    public static ConfigDiagnostic? FindIndentationTab(string text, string displayPath, int untilLine)
    {
        var lines = text.Split('\n');
        for (var number = 1; number <= Math.Min(untilLine, lines.Length); number++)
        {
            var content = lines[number - 1];
            var indentation = content.Length - content.TrimStart(' ', '\t').Length;
            var tab = content.IndexOf('\t', 0, indentation);
            var rest = content[indentation..].TrimEnd('\r');
            if (tab >= 0 && rest.Length > 0 && !rest.StartsWith('#'))
            {
                return Error(displayPath, number, tab + 1, "a tab is used for indentation here; YAML indents with spaces only, so replace the tab with spaces");
            }
        }

        return null;
    }

    public static ConfigDiagnostic Error(string displayPath, int line, int column, string message) =>
        new(DiagnosticSeverity.Error, new SourceLocation(displayPath, line, column), message);

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    /// <summary>What a character inside a value is, when it is one a value must not hold (a line break may be).</summary>
    public static string? DescribeInValue(char c) => c == '\n' ? null : Describe(c, index: 1) ?? (c == '\t' || c == '\r' ? "the control character" : null);

    private static string? Describe(char c, int index) => c switch
    {
        '\t' or '\r' => null,
        < ' ' or '\x7F' => "the control character",
        >= '\x80' and <= '\x9F' => "the control character",
        '\uFEFF' when index > 0 => "a byte order mark inside the text,",
        '\u2028' or '\u2029' => "the Unicode line separator",
        >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => "the bidirectional text control",
        _ when char.IsSurrogate(c) => "a broken surrogate pair,",
        _ => null,
    };
}
