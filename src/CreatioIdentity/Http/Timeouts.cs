using Polly.Timeout;

namespace CreatioIdentity.Http;

internal static class Timeouts
{
    private static readonly TimeSpan MaxConnect = TimeSpan.FromSeconds(10);

    /// <summary>A request that ran out of time: the resilience pipeline's timeout, or HttpClient's own.</summary>
    public static bool IsTimeout(Exception exception) =>
        exception is TaskCanceledException or TimeoutException or TimeoutRejectedException;

    /// <summary>
    /// How long a TCP (and proxy) connect may take: ten seconds at most, and less than the request
    /// timeout, so that a host that drops the packets is told apart from one that is slow to answer.
    /// </summary>
    public static TimeSpan Connect(TimeSpan requestTimeout)
    {
        var shorter = requestTimeout * 0.8;
        return shorter < MaxConnect ? shorter : MaxConnect;
    }

    /// <summary>
    /// SocketsHttpHandler's connect timeout: no connection at all (a blackholed address, a firewall that
    /// drops the packets), so the request never left. HttpClient's own timeout is off in the engine, and
    /// the resilience pipeline's is a <see cref="TimeoutRejectedException"/>; this shape is the connect's.
    /// </summary>
    public static bool IsConnectTimeout(Exception exception) =>
        exception is OperationCanceledException { InnerException: TimeoutException };
}
