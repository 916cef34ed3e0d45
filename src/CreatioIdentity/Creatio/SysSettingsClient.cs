using System.Text.Json;
using System.Text.Json.Nodes;
using CreatioIdentity.Creatio.DataService;

namespace CreatioIdentity.Creatio;

/// <summary>Creatio's system settings service (DataService SyncReply; 8.1 BaseSysSettingsService).</summary>
public sealed class SysSettingsClient(CreatioSession session)
{
    /// <summary>
    /// The current values of the given codes, with the type Creatio declares. A code that is absent
    /// from the answer is absent here: an unknown code, and a SecureText setting, which Creatio never
    /// gives back.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SettingValue>> QueryAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(CreatioRoutes.QuerySysSettings, new SysSettingsQueryRequest(codes), CreatioJsonContext.Default.SysSettingsQueryRequest, cancellationToken);
        if (!answer.IsSuccess)
        {
            throw answer.Failed("Look at Creatio's error log.");
        }

        var result = answer.Result("QuerySysSettingsResult");
        if (!result.TryGet("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw answer.NotUnderstood("no \"values\" object");
        }

        var found = new Dictionary<string, SettingValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in values.EnumerateObject())
        {
            found[property.Name] = property.Value.ValueKind == JsonValueKind.Object
                ? new SettingValue(
                    property.Name,
                    property.Value.TryGet("value", out var value) ? JsonRead.AsText(value) : null,
                    property.Value.TryGet("dataValueType", out var type) && type.ValueKind == JsonValueKind.Number && type.TryGetInt32(out var number) ? (DataValueType)number : null,
                    property.Value.Text("displayValue"))
                : new SettingValue(property.Name, JsonRead.AsText(property.Value), null, null);
        }

        return found;
    }

    /// <summary>Writes the values in one request and returns Creatio's verdict per code (saveResult).</summary>
    public async Task<IReadOnlyDictionary<string, bool>> PostAsync(IReadOnlyDictionary<string, JsonNode?> values, CancellationToken cancellationToken)
    {
        var typed = new JsonObject();
        foreach (var (code, value) in values)
        {
            typed[code] = value?.DeepClone();
        }

        var body = new JsonObject { ["isPersonal"] = false, ["sysSettingsValues"] = typed };
        var answer = await session.SendAsync(CreatioRoutes.PostSysSettingsValues, JsonSerializer.SerializeToUtf8Bytes(body, JsonNodeContext.Default.JsonObject), cancellationToken);
        if (!answer.IsSuccess)
        {
            throw answer.Failed("Nothing is known to have been saved.");
        }

        // The top-level "success" is unreliable; only saveResult says what was saved (clio SysSettingsManager).
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
