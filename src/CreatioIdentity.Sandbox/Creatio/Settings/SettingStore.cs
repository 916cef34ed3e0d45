using System.Text.Json;
using CreatioIdentity.Sandbox.Creatio.DataService;

namespace CreatioIdentity.Sandbox.Creatio.Settings;

/// <summary>
/// The system settings the simulator knows: the six the product writes, and one of each other type a
/// client may meet (codes in Creatio's style, values made up). The health check reads them through
/// <see cref="ReadForHealth"/>, which lags writes by <see cref="SandboxOptions.HealthSettleDelay"/>.
/// </summary>
internal sealed class SettingStore(SandboxOptions options, TimeProvider time)
{
    public const string OAuth20IdentityServerUrl = "OAuth20IdentityServerUrl";
    public const string OAuth20IdentityServerClientId = "OAuth20IdentityServerClientId";
    public const string OAuth20IdentityServerClientSecret = "OAuth20IdentityServerClientSecret";
    public const string IdentityServerUrl = "IdentityServerUrl";
    public const string IdentityServerClientId = "IdentityServerClientId";
    public const string IdentityServerClientSecret = "IdentityServerClientSecret";

    /// <summary>What a Lookup setting may point at: the currencies of the sandbox (ids made up).</summary>
    public static readonly IReadOnlyDictionary<Guid, string> Currencies = new Dictionary<Guid, string>
    {
        [new Guid("915e8a55-98d6-df11-9b2a-001d60e938c6")] = "US Dollar",
        [new Guid("c1057119-53e6-df11-971b-001d60e938c6")] = "Euro",
    };

    private readonly Lock gate = new();
    private readonly Dictionary<string, SettingValue> values = new(StringComparer.OrdinalIgnoreCase)
    {
        [OAuth20IdentityServerUrl] = new(OAuth20IdentityServerUrl, DataValueType.Text, string.Empty),
        [OAuth20IdentityServerClientId] = new(OAuth20IdentityServerClientId, DataValueType.Text, string.Empty),
        [OAuth20IdentityServerClientSecret] = new(OAuth20IdentityServerClientSecret, DataValueType.SecureText, string.Empty),
        [IdentityServerUrl] = new(IdentityServerUrl, DataValueType.Text, string.Empty),
        [IdentityServerClientId] = new(IdentityServerClientId, DataValueType.Text, string.Empty),
        [IdentityServerClientSecret] = new(IdentityServerClientSecret, DataValueType.SecureText, string.Empty),
        ["SiteUrl"] = new("SiteUrl", DataValueType.Text, string.Empty),
        ["MaxFileSize"] = new("MaxFileSize", DataValueType.Integer, "10"),
        ["ShowDemoLinks"] = new("ShowDemoLinks", DataValueType.Boolean, "true"),
        ["SandboxCreatedOn"] = new("SandboxCreatedOn", DataValueType.DateTime, "2024-01-15T09:30:00.000", IsCacheable: false),
        ["PrimaryCurrency"] = new("PrimaryCurrency", DataValueType.Lookup, "915e8a55-98d6-df11-9b2a-001d60e938c6", "US Dollar"),
    };

    private Dictionary<string, SettingValue>? beforeLastWrites;
    private DateTimeOffset lastWriteAt = DateTimeOffset.MinValue;

    public SettingValue? Find(string code)
    {
        lock (gate)
        {
            return values.GetValueOrDefault(code);
        }
    }

    /// <summary>A write through PostSysSettingsValues; false when the code is unknown or the value does not convert.</summary>
    public bool TryWrite(string code, JsonElement json)
    {
        lock (gate)
        {
            if (!values.TryGetValue(code, out var current) || !SettingValues.TryRead(current.Type, json, out var text))
            {
                return false;
            }

            string? display = null;
            if (current.Type == DataValueType.Lookup && text is not null && !TryDisplay(text, out display))
            {
                return false; // a reference to nothing: the foreign key refuses it
            }

            var now = time.GetUtcNow();
            if (beforeLastWrites is null || now - lastWriteAt >= options.HealthSettleDelay)
            {
                beforeLastWrites = new Dictionary<string, SettingValue>(values, StringComparer.OrdinalIgnoreCase);
            }

            lastWriteAt = now;
            values[code] = current with { Value = text, DisplayValue = display };
            return true;
        }
    }

    /// <summary>A preset from a test: immediate, unchecked, and an unknown code becomes a new Text setting.</summary>
    public void Preset(string code, string? value)
    {
        lock (gate)
        {
            values[code] = values.TryGetValue(code, out var current)
                ? current with { Value = value, DisplayValue = current.Type == DataValueType.Lookup && value is not null && TryDisplay(value, out var name) ? name : null }
                : new SettingValue(code, DataValueType.Text, value);
        }
    }

    /// <summary>The value as a caching Creatio's health check would see it right now.</summary>
    public string? ReadForHealth(string code)
    {
        lock (gate)
        {
            var settling = beforeLastWrites is not null && time.GetUtcNow() - lastWriteAt < options.HealthSettleDelay;
            var source = settling ? beforeLastWrites! : values;
            return source.GetValueOrDefault(code)?.Value;
        }
    }

    private static bool TryDisplay(string id, out string? display)
    {
        display = Guid.TryParse(id, out var guid) ? Currencies.GetValueOrDefault(guid) : null;
        return display is not null;
    }
}
