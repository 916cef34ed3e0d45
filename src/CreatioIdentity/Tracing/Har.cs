using System.Text.Json.Serialization;

namespace CreatioIdentity.Tracing;

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the format every browser's developer
// tools import: as typed records, so that the native AOT engine writes it without reflection.
// Custom fields start with an underscore, as the format allows.

public sealed record HarDocument([property: JsonPropertyName("log")] HarLog Log);

/// <param name="RunId">The run (one Cake target) whose processes append to this file; a file of another run is replaced.</param>
public sealed record HarLog(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("creator")] HarCreator Creator,
    [property: JsonPropertyName("entries")] IReadOnlyList<HarEntry> Entries,
    [property: JsonPropertyName("comment")] string? Comment = null,
    [property: JsonPropertyName("_runId")] string? RunId = null);

public sealed record HarCreator(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version);

/// <param name="Environment">The environment of the file the exchange belongs to, when the file has several.</param>
/// <param name="Command">The engine command (one Cake task's process) that made the request.</param>
/// <param name="Error">Why no answer came (status 0): the kind of failure, then .NET's exception and message.</param>
public sealed record HarEntry(
    [property: JsonPropertyName("startedDateTime")] DateTimeOffset StartedDateTime,
    [property: JsonPropertyName("time")] double Time,
    [property: JsonPropertyName("request")] HarRequest Request,
    [property: JsonPropertyName("response")] HarResponse Response,
    [property: JsonPropertyName("cache")] HarCache Cache,
    [property: JsonPropertyName("timings")] HarTimings Timings,
    [property: JsonPropertyName("_environment")] string? Environment = null,
    [property: JsonPropertyName("_command")] string? Command = null,
    [property: JsonPropertyName("_error")] string? Error = null);

public sealed record HarRequest(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("httpVersion")] string HttpVersion,
    [property: JsonPropertyName("cookies")] IReadOnlyList<HarCookie> Cookies,
    [property: JsonPropertyName("headers")] IReadOnlyList<HarNameValue> Headers,
    [property: JsonPropertyName("queryString")] IReadOnlyList<HarNameValue> QueryString,
    [property: JsonPropertyName("postData")] HarPostData? PostData,
    [property: JsonPropertyName("headersSize")] long HeadersSize,
    [property: JsonPropertyName("bodySize")] long BodySize);

public sealed record HarResponse(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("statusText")] string StatusText,
    [property: JsonPropertyName("httpVersion")] string HttpVersion,
    [property: JsonPropertyName("cookies")] IReadOnlyList<HarCookie> Cookies,
    [property: JsonPropertyName("headers")] IReadOnlyList<HarNameValue> Headers,
    [property: JsonPropertyName("content")] HarContent Content,
    [property: JsonPropertyName("redirectURL")] string RedirectUrl,
    [property: JsonPropertyName("headersSize")] long HeadersSize,
    [property: JsonPropertyName("bodySize")] long BodySize);

public sealed record HarNameValue(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value);

public sealed record HarCookie(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("path")] string? Path = null,
    [property: JsonPropertyName("domain")] string? Domain = null,
    [property: JsonPropertyName("expires")] string? Expires = null,
    [property: JsonPropertyName("httpOnly")] bool? HttpOnly = null,
    [property: JsonPropertyName("secure")] bool? Secure = null);

/// <param name="Params">The fields of a form-encoded body (values redacted as in <paramref name="Text"/>).</param>
public sealed record HarPostData(
    [property: JsonPropertyName("mimeType")] string MimeType,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("params")] IReadOnlyList<HarNameValue>? Params = null,
    [property: JsonPropertyName("comment")] string? Comment = null);

/// <param name="Size">The body's length in bytes as received (decompressed), before any redaction or cut.</param>
public sealed record HarContent(
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("mimeType")] string MimeType,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("comment")] string? Comment = null);

public sealed record HarCache;

/// <summary>Milliseconds; -1 for a phase that was not measured (DNS, connect and TLS happen inside the pooled handler).</summary>
public sealed record HarTimings(
    [property: JsonPropertyName("send")] double Send,
    [property: JsonPropertyName("wait")] double Wait,
    [property: JsonPropertyName("receive")] double Receive,
    [property: JsonPropertyName("blocked")] double Blocked = -1,
    [property: JsonPropertyName("dns")] double Dns = -1,
    [property: JsonPropertyName("connect")] double Connect = -1,
    [property: JsonPropertyName("ssl")] double Ssl = -1);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HarDocument))]
internal sealed partial class HarJsonContext : JsonSerializerContext;
