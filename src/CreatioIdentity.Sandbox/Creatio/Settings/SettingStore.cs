using System.Globalization;

namespace CreatioIdentity.Sandbox.Creatio.Settings;

internal enum SettingType
{
    Text,
    SecureText,
    Integer,
}

/// <summary>A stored system setting value with the type Creatio declares for it.</summary>
internal sealed record SettingValue(string Code, SettingType Type, string? Value);

/// <summary>
/// The system settings the simulator knows. The health check reads them through
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

    private readonly Lock gate = new();
    private readonly Dictionary<string, SettingValue> values = new(StringComparer.OrdinalIgnoreCase)
    {
        [OAuth20IdentityServerUrl] = new(OAuth20IdentityServerUrl, SettingType.Text, string.Empty),
        [OAuth20IdentityServerClientId] = new(OAuth20IdentityServerClientId, SettingType.Text, string.Empty),
        [OAuth20IdentityServerClientSecret] = new(OAuth20IdentityServerClientSecret, SettingType.SecureText, string.Empty),
        [IdentityServerUrl] = new(IdentityServerUrl, SettingType.Text, string.Empty),
        [IdentityServerClientId] = new(IdentityServerClientId, SettingType.Text, string.Empty),
        [IdentityServerClientSecret] = new(IdentityServerClientSecret, SettingType.SecureText, string.Empty),
        ["SiteUrl"] = new("SiteUrl", SettingType.Text, string.Empty),
        ["MaxFileSize"] = new("MaxFileSize", SettingType.Integer, "10"),
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

    /// <summary>A write through PostSysSettingsValues; false when the code is unknown or the value does not fit.</summary>
    public bool TryWrite(string code, string? value)
    {
        lock (gate)
        {
            if (!values.TryGetValue(code, out var current) || !Fits(current.Type, value))
            {
                return false;
            }

            var now = time.GetUtcNow();
            if (beforeLastWrites is null || now - lastWriteAt >= options.HealthSettleDelay)
            {
                beforeLastWrites = new Dictionary<string, SettingValue>(values, StringComparer.OrdinalIgnoreCase);
            }

            lastWriteAt = now;
            values[code] = current with { Value = value };
            return true;
        }
    }

    /// <summary>A preset from a test: immediate, and an unknown code becomes a new Text setting.</summary>
    public void Preset(string code, string? value)
    {
        lock (gate)
        {
            values[code] = values.TryGetValue(code, out var current)
                ? current with { Value = value }
                : new SettingValue(code, SettingType.Text, value);
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

    private static bool Fits(SettingType type, string? value) =>
        type != SettingType.Integer
        || string.IsNullOrEmpty(value)
        || int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
}
