namespace CreatioIdentity.Sandbox.Creatio.OAuthConfig;

/// <summary>OAuthConfigService.AddDefaultResource as 8.1 has it (<c>OAuthConfigService.OAuth20.cs</c>).</summary>
internal static class OAuthConfigEndpoints
{
    public const string ItemAlreadyExist = "ItemAlreadyExistException";

    public static IResult AddDefaultResource(CreatioState state, SandboxOptions options, Messages messages)
    {
        if (!options.HostOAuthEnabled)
        {
            // 8.1 sets only ErrorInfo.Message here: no errorCode, whatever the language.
            return Answer(new AddDefaultResourceResult(false, new ErrorInfo(null, messages.OAuthDisabled), null));
        }

        if (state.OAuthResources.TryAddDefault(out var existing) is { } added)
        {
            return Answer(new AddDefaultResourceResult(true, null, added.Name));
        }

        // CreateResource throws ItemAlreadyExistException(resource.Name); the response carries its type, message and stack.
        var error = new ErrorInfo(
            ItemAlreadyExist,
            messages.ItemAlreadyExists(existing!.Name),
            "   at Terrasoft.Configuration.OAuth20.OAuthConfigService.CreateResource()");
        return Answer(new AddDefaultResourceResult(false, error, null));
    }

    private static IResult Answer(AddDefaultResourceResult result) => CreatioJson.Answer(new AddDefaultResourceResponse(result));
}
