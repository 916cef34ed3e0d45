using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CreatioIdentity.Configuration;

/// <summary>
/// The spellings in which a secret comes back when a server, a proxy or a serializer quotes it:
/// as it is; JSON-escaped (System.Text.Json's default <c>\u0022</c> form, the relaxed <c>\"</c>
/// form, with <c>\/</c>, lower-case hex, and a JSON string quoted inside another); URL-encoded
/// (<c>%20</c> or <c>+</c> for a space, upper- or lower-case hex); XML/HTML-escaped; and base64
/// (standard and URL-safe, whole, and the part that stays the same wherever the secret starts in a
/// longer base64 text, as the GitHub runner's masker does). Bytes are UTF-8.
/// </summary>
/// <remarks>
/// The secret itself is always a form, whatever its length. Every other form shorter than
/// <see cref="MinimumLength"/> is left out: a secret of four or five bytes has base64 fragments of
/// two to five characters, and masking those would cut holes into every id and hash of a log,
/// while the secret itself (which an attacker could guess in moments) is masked anyway.
/// </remarks>
public static partial class SecretForms
{
    /// <summary>The shortest form, other than the secret itself, that is masked: 6 characters (36 bits of base64).</summary>
    public const int MinimumLength = 6;

    /// <summary>Every form of <paramref name="secret"/>, the secret itself first, then longest first.</summary>
    public static IReadOnlyList<string> Of(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);

        // A multi-line secret comes back with either line ending.
        string[] texts = [.. new[] { secret, secret.ReplaceLineEndings("\n"), secret.ReplaceLineEndings("\r\n") }.Distinct(StringComparer.Ordinal)];
        var url = texts.SelectMany(UrlForms).ToList();
        var json = texts.SelectMany(JsonForms).ToList();

        var forms = new HashSet<string>(StringComparer.Ordinal);
        forms.UnionWith(texts);
        forms.UnionWith(url);
        forms.UnionWith(json);
        forms.UnionWith(url.SelectMany(JsonForms));                  // a form post quoted in a JSON answer
        forms.UnionWith(json.SelectMany(JsonForms));                 // a JSON body quoted in a JSON answer
        forms.UnionWith(texts.Concat(json).SelectMany(MarkupForms)); // either quoted in an HTML or XML page

        // The secret as requests carry it (as it is, in a JSON body, in a form post), base64'd by
        // whoever echoes or logs the request.
        var carried = texts.Concat([Json(secret, JavaScriptEncoder.Default), Json(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)])
            .Concat(UpperCaseUrlForms(secret).Take(2));
        forms.UnionWith(carried.Distinct(StringComparer.Ordinal).SelectMany(Base64Forms));

        return [secret, .. forms
            .Where(form => form != secret && form.Length >= MinimumLength)
            .OrderByDescending(form => form.Length)
            .ThenBy(form => form, StringComparer.Ordinal)];
    }

    /// <summary>The forms of <see cref="UpperCaseUrlForms"/>, each with lower-case hex too.</summary>
    private static IEnumerable<string> UrlForms(string text) =>
        UpperCaseUrlForms(text).SelectMany(form => new[] { form, PercentHex().Replace(form, match => match.Value.ToLowerInvariant()) });

    /// <summary>
    /// Uri.EscapeDataString, the same with + for a space (a form post), WebUtility.UrlEncode, and
    /// HttpUtility.UrlEncode (which leaves the apostrophe alone), in upper-case hex.
    /// </summary>
    private static string[] UpperCaseUrlForms(string text)
    {
        try
        {
            var escaped = Uri.EscapeDataString(text);
            var web = System.Web.HttpUtility.UrlEncode(text);
            return [escaped, escaped.Replace("%20", "+", StringComparison.Ordinal), WebUtility.UrlEncode(text), PercentHex().Replace(web, match => match.Value.ToUpperInvariant())];
        }
        catch (UriFormatException)
        {
            return []; // an unpaired surrogate: no URL carries it
        }
    }

    private static IEnumerable<string> JsonForms(string text)
    {
        var standard = Json(text, JavaScriptEncoder.Default);
        string[] forms =
        [
            standard,
            UnicodeHex().Replace(standard, match => match.Value.ToLowerInvariant()),
            Json(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping),
            Minimal(text, escapeSurrogates: false),
            Minimal(text, escapeSurrogates: true),
        ];
        foreach (var form in forms)
        {
            yield return form;
            yield return form.Replace("/", "\\/", StringComparison.Ordinal); // DataContractJsonSerializer, PHP
        }
    }

    private static string Json(string text, JavaScriptEncoder encoder) => JsonEncodedText.Encode(text, encoder).ToString();

    /// <summary>
    /// What Newtonsoft.Json and most other serializers write: only the quote, the backslash and
    /// control characters escaped; DataContractJsonSerializer also escapes characters beyond the
    /// BMP (surrogates, in lower-case hex).
    /// </summary>
    private static string Minimal(string text, bool escapeSurrogates)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                < ' ' => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                _ when escapeSurrogates && char.IsSurrogate(c) => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>&amp; and &lt; always; &gt;, the quote and the apostrophe (&amp;apos;, &amp;#39; or &amp;#x27;) escaped or not; and WebUtility.HtmlEncode.</summary>
    private static IEnumerable<string> MarkupForms(string text)
    {
        yield return WebUtility.HtmlEncode(text);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            yield break;
        }

        var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
        foreach (var greater in new[] { ">", "&gt;" })
        {
            foreach (var quote in new[] { "\"", "&quot;" })
            {
                foreach (var apostrophe in new[] { "'", "&apos;", "&#39;", "&#x27;" })
                {
                    yield return escaped.Replace(">", greater, StringComparison.Ordinal)
                        .Replace("\"", quote, StringComparison.Ordinal)
                        .Replace("'", apostrophe, StringComparison.Ordinal);
                }
            }
        }
    }

    /// <summary>
    /// The base64 of the text whole (standard, and URL-safe without padding), and for each of the
    /// three byte offsets at which it can start inside a longer base64'd text, the characters that
    /// depend on its bytes alone: the first one or two, which mix in the bytes before it, and the
    /// last, which mixes in the bytes after it, are left out.
    /// </summary>
    private static IEnumerable<string> Base64Forms(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var whole = Convert.ToBase64String(bytes);
        yield return whole;
        yield return UrlSafe(whole);
        for (var shift = 0; shift < 3; shift++)
        {
            var encoded = Convert.ToBase64String([.. new byte[shift], .. bytes]).TrimEnd('=');
            var start = shift == 0 ? 0 : shift + 1;
            var end = (shift + bytes.Length) % 3 == 0 ? encoded.Length : encoded.Length - 1;
            if (end > start)
            {
                var stable = encoded[start..end];
                yield return stable;
                yield return UrlSafe(stable);
            }
        }
    }

    private static string UrlSafe(string base64) => base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("%[0-9A-Fa-f]{2}")]
    private static partial Regex PercentHex();

    [GeneratedRegex(@"\\u[0-9A-F]{4}")]
    private static partial Regex UnicodeHex();
}
