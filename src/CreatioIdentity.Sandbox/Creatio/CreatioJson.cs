using System.Text.Json;

namespace CreatioIdentity.Sandbox.Creatio;

/// <summary>Creatio's JSON: property names exactly as declared (no camel-casing), requests read tolerantly.</summary>
internal static class CreatioJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = null };

    public static IResult Answer<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, Options, statusCode: statusCode);

    /// <summary>The request body as JSON; an empty or malformed body reads as an empty object.</summary>
    public static async Task<JsonElement> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return EmptyObject;
        }
    }

    /// <summary>A property by name, ignoring case as Creatio's services do.</summary>
    public static JsonElement? Property(this JsonElement json, string name)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in json.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>A property of a value that may itself be missing.</summary>
    public static JsonElement? Property(this JsonElement? json, string name) => json?.Property(name);

    /// <summary>A scalar as the text Creatio would store; null for JSON null or a missing value.</summary>
    public static string? AsText(this JsonElement? json) => json?.ValueKind switch
    {
        JsonValueKind.String => json.Value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => json.Value.GetRawText(),
        _ => null,
    };

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
