using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CreatioIdentity.Tracing;

/// <summary>
/// Rewrites a JSON body with the value of every secret field (<see cref="SensitiveNames"/>) and of
/// every secret system setting replaced by <c>***</c>, whatever its nesting; everything else is kept.
/// It reads token by token, so a duplicate property name or an odd nesting hides nothing.
/// </summary>
internal static class JsonRedactor
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The redacted text (the original when nothing was secret), or null when the text is not JSON.</summary>
    /// <param name="learn">Receives each secret value taken out, so that an echo of it elsewhere is masked too.</param>
    public static string? Redact(string text, Action<string> learn)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var output = new ArrayBufferWriter<byte>(bytes.Length);
        try
        {
            var reader = new Utf8JsonReader(bytes);
            using var writer = new Utf8JsonWriter(output, WriterOptions);
            var redacted = Rewrite(ref reader, writer, learn);
            writer.Flush();
            return redacted ? Encoding.UTF8.GetString(output.WrittenSpan) : text;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Copies every token, a secret value as <c>***</c>; whether anything was redacted.</summary>
    private static bool Rewrite(ref Utf8JsonReader reader, Utf8JsonWriter writer, Action<string> learn)
    {
        var redacted = false;
        var settingObjects = new Stack<bool>();
        var nextHoldsSettings = false;
        while (reader.Read())
        {
            var holdsSettings = nextHoldsSettings;
            nextHoldsSettings = false;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    settingObjects.Push(holdsSettings);
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.StartArray:
                    settingObjects.Push(false);
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndObject:
                    settingObjects.Pop();
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.EndArray:
                    settingObjects.Pop();
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    writer.WritePropertyName(name);
                    if (SensitiveNames.IsSecretField(name) || (settingObjects.TryPeek(out var inSettings) && inSettings && SensitiveNames.IsSecretSetting(name)))
                    {
                        SkipValue(ref reader, learn);
                        writer.WriteStringValue(SensitiveNames.Redacted);
                        redacted = true;
                    }
                    else
                    {
                        // A settings object (sysSettingsValues, values) names setting codes as its properties.
                        nextHoldsSettings = SensitiveNames.IsSettingContainer(name);
                    }

                    break;
                default:
                    WriteScalar(ref reader, writer);
                    break;
            }
        }

        return redacted;
    }

    /// <summary>Moves past a property's value, handing a string value to <paramref name="learn"/>.</summary>
    private static void SkipValue(ref Utf8JsonReader reader, Action<string> learn)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } value)
        {
            learn(value);
        }

        reader.Skip();
    }

    private static void WriteScalar(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                writer.WriteStringValue(reader.GetString());
                break;
            case JsonTokenType.Number:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
            case JsonTokenType.True or JsonTokenType.False:
                writer.WriteBooleanValue(reader.GetBoolean());
                break;
            case JsonTokenType.Null:
                writer.WriteNullValue();
                break;
        }
    }
}
