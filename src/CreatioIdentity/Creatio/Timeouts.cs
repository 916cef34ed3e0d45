using Polly.Timeout;

namespace CreatioIdentity.Creatio;

internal static class Timeouts
{
    /// <summary>A request that ran out of time: the resilience pipeline's timeout, or HttpClient's own.</summary>
    public static bool IsTimeout(Exception exception) =>
        exception is TaskCanceledException or TimeoutException or TimeoutRejectedException;
}
