using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace CreatioIdentity.Sandbox.Faults;

/// <summary>
/// The answers of a server that says too much: it quotes the request it refuses (with the
/// password or the client secret in it), quotes the values it rejects, or carries text meant to
/// act in a CI log or a Markdown page (<see cref="HostileText"/>). For tests that prove a client
/// neither leaks nor obeys what it is told.
/// </summary>
internal static class EchoAnswers
{
    private static readonly JsonSerializerOptions Standard = new();
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool Answers(FaultKind kind) =>
        kind is FaultKind.EchoRequest or FaultKind.EchoRequestPage or FaultKind.EchoValue or FaultKind.HostileText;

    /// <summary>The request body, read so that the request can still be handled afterwards.</summary>
    public static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(cancellationToken);
        request.Body.Position = 0;
        return body;
    }

    public static Task WriteAsync(Fault fault, HttpRequest request, string body, HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = fault.StatusCode;
        return fault.Kind switch
        {
            FaultKind.EchoRequest => JsonAsync(response, Echo(request, body), Standard, cancellationToken),
            FaultKind.EchoRequestPage => PageAsync(response, body, cancellationToken),
            FaultKind.EchoValue => JsonAsync(response, Rejection(Values(body)), Standard, cancellationToken),
            _ => JsonAsync(response, Hostile(), Relaxed, cancellationToken),
        };
    }

    /// <summary>The request quoted where each kind of client looks for a message, and in four encodings beside.</summary>
    private static object Echo(HttpRequest request, string body)
    {
        var quoted = $"{body} was rejected ({request.Method} {request.Path}{request.QueryString})";
        return new
        {
            Message = quoted,
            Code = 1,
            success = false,
            errorInfo = new { errorCode = "EchoException", message = quoted },
            error = "invalid_request " + body,
            error_description = quoted,
            request = new
            {
                raw = body,
                urlEncoded = Uri.EscapeDataString(body),
                base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(body)),
                html = WebUtility.HtmlEncode(body),
                json = JsonSerializer.Serialize(body, Standard),
            },
        };
    }

    private static object Rejection(IEnumerable<string> values)
    {
        var message = string.Join(" ", values.Select(value => $"The value '{value}' is not valid."));
        return new
        {
            Message = message,
            Code = 1,
            success = false,
            errorInfo = new { errorCode = "ValidationException", message },
            error = "invalid_request",
            error_description = message,
        };
    }

    /// <summary>A red health check (so that the text reaches the checks) with <see cref="HostileText.Value"/> in every message.</summary>
    private static object Hostile() => new
    {
        Message = HostileText.Value,
        HasProblem = true,
        IsSystemSettingsFilledIn = true,
        IsIdentityServiceAvailable = false,
        IsAccessTokenRetrievableForSystemActions = false,
        Code = 1,
        success = false,
        errorInfo = new { errorCode = "HostileException", message = HostileText.Value },
    };

    /// <summary>Every string in a JSON body, or every value of a form post, or the body itself.</summary>
    private static IEnumerable<string> Values(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return [.. Strings(document.RootElement)];
        }
        catch (JsonException)
        {
            var form = QueryHelpers.ParseQuery(body);
            return form.Count > 0 ? [.. form.SelectMany(field => field.Value).OfType<string>()] : [body];
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Strings(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static Task JsonAsync(HttpResponse response, object answer, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(JsonSerializer.Serialize(answer, options), cancellationToken);
    }

    private static Task PageAsync(HttpResponse response, string body, CancellationToken cancellationToken)
    {
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(
            $"<!DOCTYPE html><html><head><title>{response.StatusCode}</title></head><body><h1>The upstream server refused the request</h1><pre>{body}</pre></body></html>",
            cancellationToken);
    }
}
