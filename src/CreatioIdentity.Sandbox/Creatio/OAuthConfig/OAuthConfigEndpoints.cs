namespace CreatioIdentity.Sandbox.Creatio.OAuthConfig;

/// <summary>OAuthConfigService, gated by the host key Feature-EnableOAuth20Integration as in Creatio.</summary>
internal static class OAuthConfigEndpoints
{
    public const string DefaultScope = "creatio.sandbox.api";
    public const string HostDisabledMessage = "OAuth 2.0 integration is disabled (Feature-EnableOAuth20Integration)";
    public const string AlreadyExistsMessage = "Default resource already exists.";

    public static IResult AddDefaultResource(CreatioState state, SandboxOptions options)
    {
        if (!options.HostOAuthEnabled)
        {
            return Failure("OAuthIntegrationDisabled", HostDisabledMessage);
        }

        return state.TryRegisterDefaultResource()
            ? CreatioJson.Answer(new AddDefaultResourceResponse(new AddDefaultResourceResult(true, null, DefaultScope)))
            : Failure("ItemAlreadyExistsException", AlreadyExistsMessage);
    }

    private static IResult Failure(string errorCode, string message) =>
        CreatioJson.Answer(new AddDefaultResourceResponse(new AddDefaultResourceResult(false, new ErrorInfo(errorCode, message), null)));
}
