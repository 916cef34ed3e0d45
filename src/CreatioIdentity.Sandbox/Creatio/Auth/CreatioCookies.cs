namespace CreatioIdentity.Sandbox.Creatio.Auth;

internal static class CreatioCookies
{
    public const string Session = ".ASPXAUTH";
    public const string Csrf = "BPMCSRF";
    public const string Loader = "BPMLOADER";
    public const string UserName = "UserName";

    /// <summary>Set by the first service call after login, not by the login itself.</summary>
    public const string SessionId = "BPMSESSIONID";

    /// <summary>The header that must repeat the CSRF cookie on every call after login.</summary>
    public const string CsrfHeader = "BPMCSRF";

    /// <summary>
    /// A Set-Cookie header a cookie parser refuses (a quoted value never closed; .NET's CookieContainer throws),
    /// as a misbehaving proxy or module adds; a client must keep the good cookies that come with it.
    /// </summary>
    public const string Malformed = "BPMROUTE=\"unterminated; path=/";
}
