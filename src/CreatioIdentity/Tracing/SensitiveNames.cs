using CreatioIdentity.Configuration;

namespace CreatioIdentity.Tracing;

/// <summary>
/// The names whose values a trace never holds: in JSON bodies, form bodies and query strings, the
/// headers that carry credentials, and the system settings that are secrets. Names compare without
/// regard to case, since Creatio on .NET answers in camelCase what .NET Framework answers in PascalCase.
/// </summary>
internal static class SensitiveNames
{
    /// <summary>What a redacted value reads.</summary>
    public const string Redacted = Secret.Mask;

    private static readonly HashSet<string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        "UserPassword", "password", "client_secret", "clientSecret", "access_token", "accessToken",
        "refresh_token", "refreshToken", "id_token", "idToken", "client_assertion",
    };

    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization",
    };

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "BPMCSRF", "X-CSRF-Token", "X-XSRF-TOKEN", "X-Api-Key",
    };

    /// <summary>The JSON objects whose property names are system setting codes (PostSysSettingsValues, QuerySysSettings).</summary>
    private static readonly HashSet<string> SettingContainers = new(StringComparer.OrdinalIgnoreCase)
    {
        "sysSettingsValues", "values",
    };

    /// <summary>A JSON, form or query field that carries a password, a client secret or a token.</summary>
    public static bool IsSecretField(string name) => Fields.Contains(name);

    /// <summary>A header whose value is a credential: its scheme is kept (<c>Bearer ***</c>).</summary>
    public static bool IsCredentialHeader(string name) => CredentialHeaders.Contains(name);

    /// <summary>A header whose whole value is a secret (the CSRF token Creatio wants back).</summary>
    public static bool IsSecretHeader(string name) => SecretHeaders.Contains(name);

    public static bool IsSettingContainer(string name) => SettingContainers.Contains(name);

    /// <summary>
    /// A system setting whose value is a secret: the Identity Service's client secret
    /// (<c>OAuth20IdentityServerClientSecret</c>, and the shared <c>IdentityServerClientSecret</c>), and
    /// by the same naming any other secret or password setting.
    /// </summary>
    public static bool IsSecretSetting(string code) =>
        code.Contains("Secret", StringComparison.OrdinalIgnoreCase) || code.Contains("Password", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A cookie whose value is a session secret worth teaching the process's masker, so that an echo of
    /// it elsewhere is masked too. Every cookie value is redacted in a trace; only these are learnt
    /// (Creatio's <c>UserName</c> cookie holds the user name, which must stay readable).
    /// </summary>
    public static bool IsSessionCookie(string name) =>
        name.Equals(".ASPXAUTH", StringComparison.OrdinalIgnoreCase)
        || name.Contains("CSRF", StringComparison.OrdinalIgnoreCase)
        || name.Contains("SESSION", StringComparison.OrdinalIgnoreCase)
        || name.Contains("auth", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase)
        || name.Equals("BPMLOADER", StringComparison.OrdinalIgnoreCase);
}
