using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Creatio;

/// <summary>The default OAuth resource, when one is registered (entity OAuthResource, IsDefault).</summary>
public sealed record OAuthResource(Guid Id, string? Name);

/// <summary>
/// What AddDefaultResource answered. Creatio answers a failure with HTTP 200 and success false; the
/// outcome is judged by errorInfo.errorCode (the exception type), never by message, which is in the
/// user's language (8.1 OAuthConfigService.OAuth20.cs).
/// </summary>
public sealed record AddDefaultResourceResult(bool Success, string? ErrorCode, string? Message)
{
    /// <summary>8.1's CreateResource throws this when a default resource exists already.</summary>
    public const string AlreadyExistsCode = "ItemAlreadyExistException";

    public bool AlreadyExists => string.Equals(ErrorCode, AlreadyExistsCode, StringComparison.Ordinal)
        || string.Equals(ErrorCode, "ItemAlreadyExistsException", StringComparison.Ordinal);

    /// <summary>
    /// 8.1 answers without an error code in one case only: the host key Feature-EnableOAuth20Integration
    /// is off (its OAuthDisabledMessage); every exception carries its type as the code.
    /// </summary>
    public bool HostSwitchOff => !Success && ErrorCode is null;
}

/// <summary>OAuth 2.0 configuration: the default OAuth resource the Diagnostic tab registers.</summary>
public sealed class OAuthConfigClient(CreatioSession session, DataServiceClient data)
{
    /// <summary>The registered default resource, read directly (8.1 OAuthConfigService.CreateResource looks for IsDefault = true).</summary>
    public async Task<OAuthResource?> DefaultResourceAsync(CancellationToken cancellationToken)
    {
        var rows = await data.SelectAsync("OAuthResource", ["Id", "Name", "IsDefault"], [new ColumnFilter("IsDefault", DataValue.Flag(true))], anyFilter: false, cancellationToken);
        return rows
            .Where(row => row.Flag("IsDefault") != false && row.Id("Id") is not null)
            .Select(row => new OAuthResource(row.Id("Id")!.Value, row.Text("Name")))
            .FirstOrDefault();
    }

    public async Task<AddDefaultResourceResult> AddDefaultResourceAsync(CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.AddDefaultResource, cancellationToken);
        if (!answer.IsSuccess)
        {
            throw answer.Failed("Register the default resource on the Diagnostic tab of \"OAuth 2.0 integrated applications\", and look at Creatio's error log.");
        }

        var result = answer.Result("AddDefaultResourceResult");
        var success = result.Flag("success") ?? throw answer.NotUnderstood("no \"success\"");
        var (code, message) = result.ErrorInfo();
        return new AddDefaultResourceResult(success, code, message);
    }
}
