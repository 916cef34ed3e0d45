namespace CreatioIdentity.Sandbox.Creatio.Auth;

/// <summary>The exception a refused login carries; 8.1's <c>loginModule.js</c> reads its <c>Type</c>.</summary>
internal sealed record LoginException(string Message, string Type, string? HelpLink = null, object? InnerException = null, string? StackTrace = null);

/// <summary>The answer of AuthService.svc/Login.</summary>
internal sealed record LoginResponse(int Code, string Message, LoginException? Exception = null, string? PasswordChangeUrl = null, string? RedirectUrl = null)
{
    /// <summary>Codes that log in (8.1 <c>loginModule.js</c>: 0 and 5 go through, 2 asks first and goes through).</summary>
    public static bool OpensSession(int code) => code is 0 or 2 or 5;

    /// <summary>
    /// The answer for a code, worded as Creatio words it (<see cref="Messages"/>). 2 and 5 carry a
    /// PasswordChangeUrl: the login page with the <c>ErrorCode</c> that <c>loginModule.js</c> reads to open its
    /// change-password mode (8 change, 5 expired). 2 and 3 carry a RedirectUrl, the page reads it for "later"
    /// and for the licence manager (assumed: the service prefix).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not 0 to 5.</exception>
    public static LoginResponse For(int code, Messages messages, SandboxRuntime runtime)
    {
        var loginPage = CreatioRoutes.LoginPage(runtime);
        var home = CreatioRoutes.ServicePrefix(runtime);
        return code switch
        {
            0 => new LoginResponse(0, string.Empty),
            1 => Refused(messages.WrongCredentials),
            2 => new LoginResponse(2, messages.PasswordChangeRecommended, PasswordChangeUrl: loginPage + "?ErrorCode=8", RedirectUrl: home),
            3 => new LoginResponse(3, messages.NoLicence, RedirectUrl: home),
            4 => new LoginResponse(4, messages.NoLicence),
            5 => new LoginResponse(5, messages.PasswordExpired, PasswordChangeUrl: loginPage + "?ErrorCode=5"),
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "A login Code is 0 to 5."),
        };
    }

    /// <summary>Code 1 with the exception whose Type the login page looks up.</summary>
    public static LoginResponse Refused(string message) => new(1, message, new LoginException(message, "System.Security.SecurityException"));
}
