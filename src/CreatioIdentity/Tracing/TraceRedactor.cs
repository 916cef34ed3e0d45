using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tracing;

/// <summary>
/// Takes every secret out of what a trace keeps, before anything is written: credential headers,
/// cookie values (names and attributes stay), the CSRF header, secret fields of JSON and form bodies
/// and of query strings, secret system settings, and the user info of a URL. Then, as defence in
/// depth, every text goes through the process's <see cref="SecretMasker"/>, which also catches a
/// secret that a server echoes where no field name gives it away. Bodies are kept otherwise (they
/// are what makes a trace useful), cut at <see cref="MaxBodyChars"/>.
/// </summary>
internal sealed class TraceRedactor(SecretMasker masker)
{
    public const int MaxBodyChars = 64 * 1024;

    private const int MinLearnedLength = 8;
    private const string FormMimeType = "application/x-www-form-urlencoded";

    public string Mask(string? text) => masker.Mask(text);

    /// <summary>One entry per header as it goes on the wire: values joined by commas, but one per Set-Cookie.</summary>
    public IReadOnlyList<HarNameValue> Headers(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        [.. headers.SelectMany(header => (header.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) ? header.Value : [string.Join(", ", header.Value)])
            .Select(value => new HarNameValue(header.Key, Mask(Header(header.Key, value)))))];

    /// <summary>The cookies a request sent (its Cookie headers), names only.</summary>
    public IReadOnlyList<HarCookie> RequestCookies(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        [.. Values(headers, "Cookie").SelectMany(value => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(pair => new HarCookie(Mask(pair.Split('=', 2)[0]), SensitiveNames.Redacted))];

    /// <summary>The cookies a response set (its Set-Cookie headers): names and attributes, no values.</summary>
    public IReadOnlyList<HarCookie> ResponseCookies(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        [.. Values(headers, "Set-Cookie").Select(SetCookieRecord)];

    /// <summary>The URL without user info, with the values of secret query parameters redacted.</summary>
    public string Url(Uri uri)
    {
        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
        if (uri.Query.Length > 1)
        {
            builder.Query = FormFields(uri.Query[1..]);
        }

        return Mask(builder.Uri.AbsoluteUri);
    }

    public IReadOnlyList<HarNameValue> Query(Uri uri) => uri.Query.Length > 1 ? Params(uri.Query[1..]) : [];

    /// <summary>A body as the trace keeps it: secrets out, masked, and cut when long (the comment says so).</summary>
    public (string Text, string? Comment) Body(string text, string? mimeType)
    {
        var redacted = IsForm(mimeType)
            ? FormFields(text)
            : LooksLikeJson(text) ? JsonRedactor.Redact(text, Learn) ?? text : text;
        var masked = Mask(redacted);
        if (masked.Length <= MaxBodyChars)
        {
            return (masked, null);
        }

        var cut = char.IsHighSurrogate(masked[MaxBodyChars - 1]) ? MaxBodyChars - 1 : MaxBodyChars;
        return (masked[..cut], $"Cut at {cut} of {masked.Length} characters.");
    }

    /// <summary>The fields of a form-encoded body, redacted as its text is; null for any other body.</summary>
    public IReadOnlyList<HarNameValue>? FormParams(string text, string? mimeType) => IsForm(mimeType) ? Params(text) : null;

    private string Header(string name, string value)
    {
        if (SensitiveNames.IsCredentialHeader(name))
        {
            // The scheme tells Basic from Bearer, which is worth knowing; the credential is not.
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            Learn(space < 0 ? value : value[(space + 1)..]);
            return space < 0 ? SensitiveNames.Redacted : $"{value[..space]} {SensitiveNames.Redacted}";
        }

        if (SensitiveNames.IsSecretHeader(name))
        {
            Learn(value);
            return SensitiveNames.Redacted;
        }

        return name.ToUpperInvariant() switch
        {
            "COOKIE" => string.Join("; ", value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(RedactCookie)),
            "SET-COOKIE" => RedactSetCookie(value),
            "LOCATION" when Uri.TryCreate(value, UriKind.Absolute, out var location) => Url(location),
            _ => value,
        };
    }

    private string RedactCookie(string pair)
    {
        var parts = pair.Split('=', 2);
        if (parts.Length == 2 && SensitiveNames.IsSessionCookie(parts[0]))
        {
            Learn(parts[1]);
        }

        return $"{parts[0]}={SensitiveNames.Redacted}";
    }

    private string RedactSetCookie(string value)
    {
        var end = value.IndexOf(';', StringComparison.Ordinal);
        return end < 0 ? RedactCookie(value) : RedactCookie(value[..end]) + value[end..];
    }

    private HarCookie SetCookieRecord(string value)
    {
        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cookie = new HarCookie(Mask(parts[0].Split('=', 2)[0]), SensitiveNames.Redacted);
        foreach (var attribute in parts.Skip(1))
        {
            var pair = attribute.Split('=', 2);
            var attributeValue = pair.Length == 2 ? Mask(pair[1]) : null;
            cookie = pair[0].ToUpperInvariant() switch
            {
                "PATH" => cookie with { Path = attributeValue },
                "DOMAIN" => cookie with { Domain = attributeValue },
                "EXPIRES" => cookie with { Expires = attributeValue },
                "HTTPONLY" => cookie with { HttpOnly = true },
                "SECURE" => cookie with { Secure = true },
                _ => cookie,
            };
        }

        return cookie;
    }

    /// <summary>name=value pairs joined by '&amp;' (a form body, a query string), secret values redacted, encoding kept.</summary>
    private string FormFields(string text) =>
        string.Join('&', text.Split('&').Select(field =>
        {
            var parts = field.Split('=', 2);
            if (parts.Length < 2 || !SensitiveNames.IsSecretField(Decode(parts[0])))
            {
                return field;
            }

            Learn(Decode(parts[1]));
            return $"{parts[0]}={SensitiveNames.Redacted}";
        }));

    private List<HarNameValue> Params(string text) =>
        [.. FormFields(text).Split('&', StringSplitOptions.RemoveEmptyEntries).Select(field => field.Split('=', 2))
            .Select(parts => new HarNameValue(Mask(Decode(parts[0])), Mask(parts.Length == 2 ? Decode(parts[1]) : string.Empty)))];

    /// <summary>Teaches the process's masker a secret just taken out, so that an echo of it anywhere is masked too.</summary>
    private void Learn(string value)
    {
        if (value.Length >= MinLearnedLength && value != SensitiveNames.Redacted)
        {
            masker.Add(value);
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static bool IsForm(string? mimeType) => string.Equals(mimeType, FormMimeType, StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeJson(string text) => text.AsSpan().TrimStart() is ['{' or '[', ..];

    private static IEnumerable<string> Values(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, string name) =>
        headers.Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).SelectMany(header => header.Value);
}
