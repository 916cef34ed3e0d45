namespace CreatioIdentity.Checks;

/// <summary>
/// Why a step failed, as report.json's <c>errorCode</c> names it (on the failed step, and on a failed
/// check when a fault decided it). Stable: pipelines and people branch on these.
/// </summary>
public static class ErrorCodes
{
    /// <summary>A host name could not be resolved.</summary>
    public const string Dns = "dns";

    /// <summary>No connection could be made, or it was dropped before an answer came.</summary>
    public const string Connect = "connect";

    /// <summary>The TLS handshake failed (an untrusted or mismatched certificate).</summary>
    public const string Tls = "tls";

    /// <summary>A request got no answer within creatio.timeoutSeconds, retries included.</summary>
    public const string Timeout = "timeout";

    /// <summary>The step ran past its total deadline (CREATIO_IDENTITY_STEP_DEADLINE_SECONDS).</summary>
    public const string Deadline = "deadline";

    /// <summary>An HTTP status that is not an answer (5xx from a proxy, 404, …).</summary>
    public const string HttpStatus = "http-status";

    /// <summary>The login was rejected, or the session was not accepted even after a fresh login.</summary>
    public const string Authentication = "authentication";

    /// <summary>Creatio answered 403 after a fresh login: the BPMCSRF token, or the user's rights.</summary>
    public const string Csrf = "csrf";

    /// <summary>An answer that was not understood (not JSON, or without the expected fields). Never taken as success.</summary>
    public const string UnexpectedAnswer = "unexpected-answer";

    /// <summary>Creatio answered and the answer is red: a check failed, or Creatio refused a setting (saveResult false).</summary>
    public const string CheckFailed = "check-failed";

    /// <summary>The configuration or the command line is invalid (exit 3).</summary>
    public const string Configuration = "configuration";

    /// <summary>Something no classification foresaw: a defect to report.</summary>
    public const string Unexpected = "unexpected";

    public static IReadOnlyList<string> All { get; } =
        [Dns, Connect, Tls, Timeout, Deadline, HttpStatus, Authentication, Csrf, UnexpectedAnswer, CheckFailed, Configuration, Unexpected];
}
