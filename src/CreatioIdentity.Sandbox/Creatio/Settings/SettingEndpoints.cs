using System.Text.Json;
using CreatioIdentity.Sandbox.Creatio.DataService;

namespace CreatioIdentity.Sandbox.Creatio.Settings;

/// <summary>DataService's system settings calls, as Creatio 8.1's BaseSysSettingsService answers them.</summary>
internal static class SettingEndpoints
{
    public static async Task<IResult> QuerySysSettingsAsync(HttpRequest request, CreatioState state)
    {
        var codes = (await CreatioJson.ReadBodyAsync(request)).Property("sysSettingsNameCollection");
        var values = new Dictionary<string, SysSettingValue>(StringComparer.Ordinal);

        if (codes is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var code in list.EnumerateArray().Select(item => item.GetString()).OfType<string>())
            {
                // SecureText never reaches the client (no UseSecureSettingsOnClient); unknown codes are skipped.
                if (state.Settings.Find(code) is { Type: not DataValueType.SecureText } setting)
                {
                    var display = setting.Type == DataValueType.Lookup ? setting.DisplayValue : setting.Value;
                    values[code] = new SysSettingValue(SettingValues.Answer(setting), display, (int)setting.Type, setting.IsCacheable);
                }
            }
        }

        return CreatioJson.Answer(new QuerySysSettingsResponse(true, values));
    }

    public static async Task<IResult> PostSysSettingsValuesAsync(HttpRequest request, CreatioState state)
    {
        var written = (await CreatioJson.ReadBodyAsync(request)).Property("sysSettingsValues");
        var saveResult = new Dictionary<string, bool>(StringComparer.Ordinal);

        if (written is { ValueKind: JsonValueKind.Object } settings)
        {
            foreach (var setting in settings.EnumerateObject())
            {
                saveResult[setting.Name] = state.Settings.TryWrite(setting.Name, setting.Value);
            }
        }

        // SPEC section 4 (clio's SysSettingsManager tests): top-level success is false even when every code
        // saved; callers must judge saveResult per code.
        return CreatioJson.Answer(new PostSysSettingsValuesResponse(saveResult, false));
    }
}
