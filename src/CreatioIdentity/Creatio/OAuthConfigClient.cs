namespace CreatioIdentity.Creatio;

public sealed record AddDefaultResourceResult(bool Success, bool AlreadyExists, string? Message, string? Scope);

/// <summary>OAuthConfigService: the default OAuth resource the Diagnostic page registers.</summary>
public sealed class OAuthConfigClient(CreatioSession session)
{
    public async Task<AddDefaultResourceResult> AddDefaultResourceAsync(CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.AddDefaultResource, cancellationToken);
        if (!answer.IsSuccess)
        {
            throw new CreatioException(CreatioFailure.HttpStatus,
                $"Creatio answered {answer.Route} with HTTP {answer.StatusCode}: {answer.Excerpt()}.");
        }

        var result = answer.Result("AddDefaultResourceResult");
        var success = result.Flag("success") ?? throw answer.NotUnderstood("no \"success\"");
        string? message = null;
        if (result.TryGet("errorInfo", out var errorInfo) && errorInfo.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            message = errorInfo.Text("message");
        }

        var alreadyExists = !success && message?.Contains("already exist", StringComparison.OrdinalIgnoreCase) == true;
        return new AddDefaultResourceResult(success, alreadyExists, message, result.Text("scope"));
    }
}
