namespace CreatioIdentity.Creatio;

internal static class Timeouts
{
    /// <summary>
    /// A request that ran out of time: the resilience pipeline's timeout, or HttpClient's own.
    /// Polly's TimeoutRejectedException is matched by name because the sandbox's OpenIddict
    /// brings Polly 7 beside Polly 8, and both define a type of that name.
    /// </summary>
    public static bool IsTimeout(Exception exception) =>
        exception is TaskCanceledException or TimeoutException
        || exception.GetType().FullName == "Polly.Timeout.TimeoutRejectedException";
}
