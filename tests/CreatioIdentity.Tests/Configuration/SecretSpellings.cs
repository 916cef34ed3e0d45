using System.Buffers.Text;
using System.Net;
using System.Runtime.Serialization.Json;
using System.Security;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Web;
using System.Xml.Linq;

namespace CreatioIdentity.Tests.Configuration;

/// <summary>
/// How servers, proxies and libraries spell a secret when they quote it, each made by the library
/// that does it (not by the masker under test): the list that secret searches go through.
/// Base64 is searched apart (<see cref="Base64Search"/>), as it depends on where the secret starts.
/// </summary>
internal static class SecretSpellings
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyDictionary<string, Func<string, string>> All { get; } = new Dictionary<string, Func<string, string>>
    {
        ["as it is"] = secret => secret,
        ["System.Text.Json"] = secret => Unquote(JsonSerializer.Serialize(secret)),
        ["System.Text.Json relaxed"] = secret => Unquote(JsonSerializer.Serialize(secret, Relaxed)),
        ["JSON in JSON"] = secret => Unquote(JsonSerializer.Serialize(Unquote(JsonSerializer.Serialize(secret)))),
        ["JSON in relaxed JSON"] = secret => Unquote(JsonSerializer.Serialize(Unquote(JsonSerializer.Serialize(secret)), Relaxed)),
        ["relaxed JSON in relaxed JSON"] = secret => Unquote(JsonSerializer.Serialize(Unquote(JsonSerializer.Serialize(secret, Relaxed)), Relaxed)),
        ["DataContractJsonSerializer"] = DataContractJson,
        ["Uri.EscapeDataString"] = Uri.EscapeDataString,
        ["form post"] = secret => new FormUrlEncodedContent([new("v", secret)]).ReadAsStringAsync().GetAwaiter().GetResult()[2..],
        ["form post in JSON"] = secret => Unquote(JsonSerializer.Serialize(new FormUrlEncodedContent([new("v", secret)]).ReadAsStringAsync().GetAwaiter().GetResult()[2..])),
        ["WebUtility.UrlEncode"] = WebUtility.UrlEncode,
        ["HttpUtility.UrlEncode (lower-case hex)"] = secret => HttpUtility.UrlEncode(secret),
        ["SecurityElement.Escape"] = secret => SecurityElement.Escape(secret),
        ["WebUtility.HtmlEncode"] = WebUtility.HtmlEncode,
        ["HttpUtility.HtmlAttributeEncode"] = HttpUtility.HtmlAttributeEncode,
        ["XML text"] = secret => Between(new XElement("a", secret).ToString(SaveOptions.DisableFormatting), "<a>", "</a>"),
        ["XML attribute"] = secret => Between(new XElement("a", new XAttribute("v", secret)).ToString(SaveOptions.DisableFormatting), "v=\"", "\" />"),
        ["JSON in an HTML page"] = secret => WebUtility.HtmlEncode(Unquote(JsonSerializer.Serialize(secret, Relaxed))),
        ["base64"] = secret => Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)),
        ["base64url"] = secret => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(secret)),
    };

    /// <summary>The first spelling of a secret that the text holds, or null.</summary>
    public static string? FoundIn(string text, string secret)
    {
        foreach (var (name, spell) in All)
        {
            if (text.Contains(spell(secret), StringComparison.Ordinal))
            {
                return name;
            }
        }

        return Base64Search.Contains(text, Encoding.UTF8.GetBytes(secret)) ? "base64 inside a longer text" : null;
    }

    private static string Unquote(string json) => json[1..^1];

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.LastIndexOf(end, StringComparison.Ordinal)];
    }

    private static string DataContractJson(string secret)
    {
        using var stream = new MemoryStream();
        new DataContractJsonSerializer(typeof(string)).WriteObject(stream, secret);
        return Unquote(Encoding.UTF8.GetString(stream.ToArray()));
    }
}

/// <summary>Whether any run of base64 characters in a text, read from any offset, decodes to bytes that hold a secret.</summary>
internal static class Base64Search
{
    public static bool Contains(string text, byte[] secret)
    {
        foreach (var run in Runs(text))
        {
            var standard = run.Replace('-', '+').Replace('_', '/').TrimEnd('=');
            for (var offset = 0; offset < 4 && standard.Length - offset >= 2; offset++)
            {
                var part = standard[offset..];
                part = part[..(part.Length - (part.Length % 4 == 1 ? 1 : 0))];
                part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
                var bytes = new byte[part.Length];
                if (Convert.TryFromBase64String(part, bytes, out var written) && bytes.AsSpan(0, written).IndexOf(secret) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> Runs(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isBase64 = i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '/' or '-' or '_' or '=');
            if (isBase64 && start < 0)
            {
                start = i;
            }
            else if (!isBase64 && start >= 0)
            {
                if (i - start >= 4)
                {
                    yield return text[start..i];
                }

                start = -1;
            }
        }
    }
}
