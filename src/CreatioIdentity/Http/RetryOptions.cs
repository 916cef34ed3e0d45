namespace CreatioIdentity.Http;

/// <summary>
/// What a request tells the resilience pipeline (Hosting/EngineServices.cs) about itself: whether
/// sending it again is safe. Set by whoever builds the request, Creatio's transport or the Identity
/// Service probe alike, so neither needs the other.
/// </summary>
internal static class RetryOptions
{
    /// <summary>True when the request may be sent again after a transient failure (it changes nothing, or the same again).</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("CreatioIdentity.Retryable");
}
