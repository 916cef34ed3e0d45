using System.Text.Json;

namespace CreatioIdentity.Creatio;

/// <summary>An answer from Creatio, read whole. Parsing is tolerant: wrapped or bare results, any letter case.</summary>
/// <param name="Location">Where a 3xx answer points, when it does.</param>
public sealed record CreatioResponse(CreatioRoute Route, int StatusCode, string? MediaType, string Body, Uri? Location = null)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>An HTML page where JSON was expected: Creatio's login page, or a proxy's error page.</summary>
    public bool IsHtml =>
        MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
        || Body.TrimStart().StartsWith('<');

    /// <summary>
    /// A redirect to Creatio's login page, as DataService and pages answer an expired session:
    /// /0/Login/NuiLogin.aspx on .NET Framework, /Login/Login.html on .NET (clio ReauthExecutor).
    /// </summary>
    public bool IsRedirectToLogin =>
        StatusCode is >= 300 and < 400
        && Location?.OriginalString is { } target
        && (target.Contains("NuiLogin.aspx", StringComparison.OrdinalIgnoreCase) || target.Contains("/Login/Login.html", StringComparison.OrdinalIgnoreCase));

    /// <summary>The JSON body, or an "answer not understood" failure.</summary>
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
            if (resultName is not null && root.TryGet(resultName, out var named))
            {
                return named;
            }

            if (root.TryGet("d", out var wrapped))
            {
                return wrapped;
            }
        }

        return root;
    }

    public CreatioException NotUnderstood(string why) =>
        new(CreatioFailure.UnexpectedAnswer,
            $"Creatio answered {Route} with HTTP {StatusCode} that was not understood ({why}){Quoted}. "
            + "Check that the URL points at the Creatio site root and that this Creatio version has the service.");

    /// <summary>The one way an HTTP status that is not an answer becomes a failure; <paramref name="remedy"/> says what to do.</summary>
    public CreatioException Failed(string remedy) =>
        new(CreatioFailure.HttpStatus, $"Creatio answered {Route} with HTTP {StatusCode}{Quoted}. {remedy}".TrimEnd());

    /// <summary>": &lt;the start of the body&gt;", or why it is not quoted.</summary>
    private string Quoted => Route.CarriesSecret ? $" ({NotQuoted})" : ": " + Excerpt();

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
