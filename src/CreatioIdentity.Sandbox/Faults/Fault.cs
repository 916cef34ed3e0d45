using System.Text.Json.Serialization;

namespace CreatioIdentity.Sandbox;

/// <summary>Which of the sandbox's two servers a fault is injected into.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultServer>))]
public enum FaultServer
{
    Creatio,
    IdentityService,
}

/// <summary>What a faulted request gets instead of (or after) its real answer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    /// <summary>An HTTP error status (<see cref="Fault.StatusCode"/>, 503 unless told) with a proxy's HTML error page.</summary>
    Status,

    /// <summary>No answer at all until the client gives up (bounded by <see cref="FaultPlan.HangLimit"/>).</summary>
    Hang,

    /// <summary>The connection is aborted without an answer.</summary>
    Reset,

    /// <summary>
    /// Every session ends and the request gets the runtime's expiry answer for its route: 401 JSON
    /// <c>{"Message":"Authentication failed."}</c> from a WCF service (<c>.svc</c>, <c>rest/</c>), a 302 to the login page from the rest.
    /// </summary>
    SessionExpired,

    /// <summary>Every session ends and the request gets a 302 to the runtime's HTML login page, whatever its route.</summary>
    LoginPage,

    /// <summary>403: the BPMCSRF header is rejected (the session itself stays valid).</summary>
    CsrfRejected,

    /// <summary>HTTP 200 that claims JSON and carries a cut-off body.</summary>
    MalformedJson,

    /// <summary>The health check answers red (HTTP 500, Identity Service not available) on every other call, the real answer in between.</summary>
    HealthFlip,

    /// <summary>
    /// A server that quotes the request in its error (<see cref="Fault.StatusCode"/>, 200 to 599):
    /// JSON whose Message, errorInfo.message, error and error_description quote the request body,
    /// with the body URL-encoded, base64'd, HTML-escaped and JSON-quoted beside them.
    /// </summary>
    EchoRequest,

    /// <summary>A proxy's HTML error page that quotes the request body as it came, unescaped.</summary>
    EchoRequestPage,

    /// <summary>A validation error that quotes each value of the request ("The value 'x' is not valid").</summary>
    EchoValue,

    /// <summary>
    /// An answer whose messages carry <see cref="HostileText.Value"/>: CI runner commands, a
    /// carriage return, Markdown and HTML. Shaped as a red health check, so that the text reaches
    /// the checks when it answers the health check, and the step's error elsewhere.
    /// </summary>
    HostileText,
}

/// <summary>
/// One armed fault: the next <see cref="Count"/> requests whose path contains <see cref="Path"/>
/// get <see cref="Kind"/>. A null count keeps it armed until the plan is cleared. With
/// <see cref="AfterHandling"/> the request is first handled for real (a write is applied) and only
/// its answer is lost or spoilt, as when a proxy times out after forwarding.
/// </summary>
public sealed record Fault(
    FaultKind Kind,
    string Path = "",
    int? Count = 1,
    int StatusCode = 503,
    bool AfterHandling = false,
    FaultServer Server = FaultServer.Creatio)
{
    public static Fault Status(string path, int statusCode = 503, int? count = 1, bool afterHandling = false) =>
        new(FaultKind.Status, path, count, statusCode, afterHandling);

    public static Fault Hang(string path, int? count = 1, bool afterHandling = false) => new(FaultKind.Hang, path, count, AfterHandling: afterHandling);

    public static Fault Reset(string path, int? count = 1, bool afterHandling = false) => new(FaultKind.Reset, path, count, AfterHandling: afterHandling);

    public static Fault SessionExpired(string path, int? count = 1) => new(FaultKind.SessionExpired, path, count);

    public static Fault LoginPage(string path, int? count = 1) => new(FaultKind.LoginPage, path, count);

    public static Fault CsrfRejected(string path, int? count = 1) => new(FaultKind.CsrfRejected, path, count);

    public static Fault MalformedJson(string path, int? count = 1, bool afterHandling = false) => new(FaultKind.MalformedJson, path, count, AfterHandling: afterHandling);

    /// <summary>The next <paramref name="count"/> health checks alternate red (first) and real.</summary>
    public static Fault HealthFlip(int? count = 4) => new(FaultKind.HealthFlip, "api/OAuthHealthCheck", count);

    /// <summary>The next <paramref name="count"/> requests to <paramref name="path"/> get an error that quotes the request (<see cref="FaultKind.EchoRequest"/>).</summary>
    public static Fault EchoRequest(string path, int statusCode = 400, int? count = null, FaultServer server = FaultServer.Creatio) =>
        new(FaultKind.EchoRequest, path, count, statusCode, Server: server);

    /// <summary>The next <paramref name="count"/> requests to <paramref name="path"/> get a proxy's page that quotes the request (<see cref="FaultKind.EchoRequestPage"/>).</summary>
    public static Fault EchoRequestPage(string path, int statusCode = 502, int? count = null, FaultServer server = FaultServer.Creatio) =>
        new(FaultKind.EchoRequestPage, path, count, statusCode, Server: server);

    /// <summary>The next <paramref name="count"/> requests to <paramref name="path"/> get a validation error that quotes their values (<see cref="FaultKind.EchoValue"/>).</summary>
    public static Fault EchoValue(string path, int statusCode = 400, int? count = null, FaultServer server = FaultServer.Creatio) =>
        new(FaultKind.EchoValue, path, count, statusCode, Server: server);

    /// <summary>The next <paramref name="count"/> requests to <paramref name="path"/> get <see cref="Sandbox.HostileText.Value"/> in their messages.</summary>
    public static Fault Hostile(string path, int statusCode = 500, int? count = null, FaultServer server = FaultServer.Creatio) =>
        new(FaultKind.HostileText, path, count, statusCode, Server: server);

    /// <summary>The Identity Service is down for everyone, the runner and Creatio alike: 503 from its front end, or connections dropped.</summary>
    public static Fault IdentityServiceDown(FaultKind kind = FaultKind.Status, int? count = null) =>
        new(kind, string.Empty, count, 503, Server: FaultServer.IdentityService);

    public bool Matches(FaultServer server, string path) =>
        Server == server && path.Contains(Path, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A fault that was injected: which request got it.</summary>
public sealed record InjectedFault(DateTimeOffset At, FaultServer Server, string Method, string Path, FaultKind Kind, bool AfterHandling);
