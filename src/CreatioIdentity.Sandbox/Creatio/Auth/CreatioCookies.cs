namespace CreatioIdentity.Sandbox.Creatio.Auth;

internal static class CreatioCookies
{
    public const string Session = ".ASPXAUTH";
    public const string Csrf = "BPMCSRF";
    public const string Loader = "BPMLOADER";
    public const string UserName = "UserName";

    /// <summary>The header that must repeat the CSRF cookie on every call after login.</summary>
    public const string CsrfHeader = "BPMCSRF";
}
