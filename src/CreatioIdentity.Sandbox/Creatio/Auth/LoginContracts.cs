namespace CreatioIdentity.Sandbox.Creatio.Auth;

/// <summary>The answer of AuthService.svc/Login; bad credentials are HTTP 200 with Code 1.</summary>
internal sealed record LoginResponse(int Code, string Message, object? Exception = null, string? PasswordChangeUrl = null, string? RedirectUrl = null)
{
    public static readonly LoginResponse Success = new(0, string.Empty);

    public static readonly LoginResponse WrongCredentials = new(1, "Either the username or the password is incorrect.");
}
