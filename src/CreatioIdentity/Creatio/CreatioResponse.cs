using System.Text.Json;

namespace CreatioIdentity.Creatio;

/// <summary>An answer from Creatio, read whole. Parsing is tolerant: wrapped or bare results.</summary>
public sealed record CreatioResponse(CreatioRoute Route, int StatusCode, string? MediaType, string Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>An HTML page where JSON was expected: Creatio's login page, or a proxy's error page.</summary>
    public bool IsHtml =>
        MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
        || Body.TrimStart().StartsWith('<');

    /// <summary>The JSON body, or an "answer not understood" failure that quotes the start of it.</summary>
    public JsonElement Json()
    {
        try
        {
            using var document = JsonDocument.Parse(Body.Length == 0 ? "null" : Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw NotUnderstood("the body is not JSON");
        }
    }

    /// <summary>The result object, whether Creatio wrapped it ({"XResult":…} or {"d":…}) or not.</summary>
    public JsonElement Result(string? resultName = null)
    {
        var root = Json();
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (resultName is not null && root.TryGetProperty(resultName, out var named))
            {
                return named;
            }

            if (root.TryGetProperty("d", out var wrapped))
            {
                return wrapped;
            }
        }

        return root;
    }

    public CreatioException NotUnderstood(string why) =>
        new(CreatioFailure.UnexpectedAnswer,
            $"Creatio answered {Route} with HTTP {StatusCode} that was not understood ({why}): {Excerpt()}. "
            + "Check that the URL points at the Creatio site root and that this Creatio version has the service.");

    /// <summary>
    /// The start of the body, for a message; never any of the answer to a request that carried a
    /// secret (<see cref="CreatioRoute.CarriesSecret"/>): a server or proxy that echoes the request
    /// in its error would put the secret, in clear or in any encoding, into the report.
    /// </summary>
    public string Excerpt() => Route.CarriesSecret ? NotQuoted : Quote(Body);

    internal const string NotQuoted = "the answer is not quoted, as the request carried a secret";

    private static string Quote(string body)
    {
        var flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length == 0 ? "<empty body>" : flat.Length <= 200 ? flat : flat[..200] + "…";
    }
}
