using System.Net;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Creatio;

/// <summary>What Creatio's answer to a call with a session means: an expired session to log in again for, a refusal that says what to do, or the answer itself.</summary>
internal static class SessionAnswers
{
    /// <summary>
    /// An expired session, in the forms Creatio answers it (clio ReauthExecutor): 401 from the .svc
    /// services, a 302 to the login page from DataService and pages, or that login page itself when
    /// something in between followed the redirect.
    /// </summary>
    public static bool IsSessionRejected(CreatioResponse answer) =>
        answer.StatusCode is (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden
        || answer.IsRedirectToLogin
        || answer.StatusCode is (int)HttpStatusCode.Redirect or (int)HttpStatusCode.Found
        || (answer.IsSuccess && answer.IsHtml);

    /// <summary>The answer to a call with a fresh session, or the failure it means: the session or the service refused.</summary>
    public static CreatioResponse Judged(CreatioResponse answer, Uri site, string servicePrefix, CreatioOptions options)
    {
        var route = answer.Route;
        if (answer.StatusCode == (int)HttpStatusCode.Forbidden)
        {
            throw new CreatioException(CreatioFailure.Csrf,
                $"Creatio refused {route} with HTTP 403 after a fresh login: the BPMCSRF token was rejected, or user '{options.Username}' lacks the rights for it (a system administrator is needed).");
        }

        if (IsSessionRejected(answer))
        {
            throw new CreatioException(CreatioFailure.Authentication,
                $"Creatio did not accept the session for {route} (HTTP {answer.StatusCode}{(answer.IsHtml || answer.IsRedirectToLogin ? ", its login page" : string.Empty)}) even after a fresh login: check that the user may use the web services.");
        }

        if (answer.StatusCode == (int)HttpStatusCode.NotFound)
        {
            throw new CreatioException(CreatioFailure.NotFound,
                $"Creatio has no {route} (HTTP 404 at {site}{servicePrefix}{route.Path}): this Creatio version may not have it{(options.Runtime == CreatioRuntime.Auto ? string.Empty : ", or creatio.runtime is wrong")}.");
        }

        return answer;
    }
}
