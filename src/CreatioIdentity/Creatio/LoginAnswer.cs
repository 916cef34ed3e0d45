using System.Text.Json;

namespace CreatioIdentity.Creatio;

/// <summary>
/// What AuthService.svc/Login's answer means (SPEC §4; Academy AuthService.svc; 8.1 loginModule.js
/// _loginResponseCode and _processLoginError; creatioclient Login). Code 0 logs in; 2 logs in with a password change recommended; 5 (password
/// expired) is let through by Creatio's own login page; 1 is the credentials; 3 and 4 are a licence
/// problem. HTTP 401 and 403 refuse the user, not the URL. The server's Message is never quoted: the
/// request carried the password, and an echoing server could hand it back.
/// </summary>
internal static class LoginAnswer
{
    /// <summary>Throws when the login was refused; returns a warning when it succeeded with a caveat.</summary>
    public static string? Judge(CreatioResponse answer, string username, bool sessionSet)
    {
        var who = $"user '{username}'";
        switch (answer.StatusCode)
        {
            case 401:
                throw Refused($"Creatio refused the login of {who} with HTTP 401: the user name or the password is wrong. Check creatio.username and creatio.password.");
            case 403:
                throw Refused($"Creatio refused the login of {who} with HTTP 403: the password must be changed and that was denied, or the user may not log in. Log in as this user in a browser to see why.");
        }

        if (!answer.IsSuccess)
        {
            throw answer.Failed("The login service failed: check that the site is up and look at Creatio's error log.");
        }

        var root = answer.Json();
        var code = root.TryGet("Code", out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var number) ? number : (int?)null;
        return code switch
        {
            null => throw answer.NotUnderstood("no \"Code\" in the login answer"),
            0 when sessionSet => null,
            2 when sessionSet => $"Creatio recommends changing the password of {who} (login Code 2). Change it in Creatio before it expires, and update the variable creatio.password reads.",
            5 when sessionSet => $"The password of {who} has expired (login Code 5). Creatio let this login through, as its login page does, but may refuse the next one: change it in Creatio and update the variable creatio.password reads.",
            0 or 2 or 5 => throw Refused("Creatio accepted the login but set no .ASPXAUTH session cookie: a proxy in between may strip cookies."),
            1 => throw Refused($"Creatio rejected the login of {who} (Code 1: wrong user name or password). Check creatio.username and creatio.password, and that the user is not locked."),
            3 => throw Refused($"Creatio refused the login of {who} for lack of a licence (Code 3: the user has none, but may manage licences). Grant the user a licence in the License manager (/ClientApp/#/LicenseManager), then run again."),
            4 => throw Refused($"Creatio refused the login of {who} for lack of a licence (Code 4: the user has none and may not manage licences). Ask an administrator to grant the user a licence in the License manager, or renew the site's licences, then run again."),
            _ => throw Refused($"Creatio refused the login of {who} (Code {code}, which this tool does not know). Log in as this user in a browser to see why."),
        };
    }

    private static CreatioException Refused(string message) => new(CreatioFailure.Authentication, message);
}
