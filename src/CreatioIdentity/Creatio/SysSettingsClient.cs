using System.Text.Json;

namespace CreatioIdentity.Creatio;

/// <summary>Creatio's system settings service (DataService SyncReply).</summary>
public sealed class SysSettingsClient(CreatioSession session)
{
    /// <summary>
    /// The current values of the given codes. A code that is absent from the answer is absent
    /// here: a SecureText setting is always left out, so its value can never be read back.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string?>> QueryAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.QuerySysSettings, new SysSettingsQueryRequest(codes), CreatioJsonContext.Default.SysSettingsQueryRequest, cancellationToken);
        if (!answer.IsSuccess)
        {
            throw new CreatioException(CreatioFailure.HttpStatus,
                $"Creatio answered {answer.Route} with HTTP {answer.StatusCode}: {answer.Excerpt()}.");
        }

        var result = answer.Result("QuerySysSettingsResult");
        if (!result.TryGet("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw answer.NotUnderstood("no \"values\" object");
        }

        var found = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in values.EnumerateObject())
        {
            found[property.Name] = property.Value.ValueKind == JsonValueKind.Object
                ? property.Value.TryGet("value", out var value) ? JsonRead.AsText(value) : null
                : JsonRead.AsText(property.Value);
        }

        return found;
    }

    /// <summary>Writes the values in one request and returns Creatio's verdict per code (saveResult).</summary>
    public async Task<IReadOnlyDictionary<string, bool>> PostAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(
            CreatioRoutes.PostSysSettingsValues,
            new SysSettingsPostRequest(IsPersonal: false, values),
            CreatioJsonContext.Default.SysSettingsPostRequest,
            cancellationToken);
        if (!answer.IsSuccess)
        {
            throw new CreatioException(CreatioFailure.HttpStatus,
                $"Creatio answered {answer.Route} with HTTP {answer.StatusCode}: {answer.Excerpt()}. Nothing is known to have been saved.");
        }

        // The top-level "success" is unreliable; only saveResult says what was saved.
        var result = answer.Result("PostSysSettingsValuesResult");
        if (!result.TryGet("saveResult", out var saveResult) || saveResult.ValueKind != JsonValueKind.Object)
        {
            throw answer.NotUnderstood("no \"saveResult\" per setting");
        }

        var verdicts = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in saveResult.EnumerateObject())
        {
            verdicts[property.Name] = saveResult.Flag(property.Name) ?? false;
        }

        return verdicts;
    }
}
