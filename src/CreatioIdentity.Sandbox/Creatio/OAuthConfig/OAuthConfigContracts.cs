using System.Text.Json.Serialization;

namespace CreatioIdentity.Sandbox.Creatio.OAuthConfig;

/// <summary>Terrasoft ErrorInfo: errorCode is the exception type's name, null when the service set only a message.</summary>
internal sealed record ErrorInfo(
    [property: JsonPropertyName("errorCode")] string? ErrorCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("stackTrace")] string? StackTrace = null);

internal sealed record AddDefaultResourceResult(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errorInfo")] ErrorInfo? ErrorInfo,
    [property: JsonPropertyName("scope")] string? Scope);

internal sealed record AddDefaultResourceResponse(AddDefaultResourceResult AddDefaultResourceResult);
