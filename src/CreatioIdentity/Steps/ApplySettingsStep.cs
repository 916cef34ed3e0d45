using System.Text.Json.Nodes;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// Writes the connection settings (and settings:) that differ, all in one request, each typed by the
/// data value type Creatio reports for it; judges each by saveResult and reads them back. A secret
/// cannot be read back: the client secret is written only when the connection changes or Creatio's
/// health check cannot get a token with the stored one; a setting Creatio never gives back (SecureText,
/// or a code it does not know) is written on every run and masked like a secret.
/// </summary>
public sealed class ApplySettingsStep : Step
{
    private const string NotSet = "(not set)";

    public override string Name => "ApplySettings";

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        var desired = DesiredSettings.From(context.Config);
        var current = await context.Facts.SettingsAsync([.. desired.Where(setting => setting.Code != OAuthSettingCodes.ClientSecret).Select(setting => setting.Code)], cancellationToken);

        // A setting Creatio leaves out of its answer may be SecureText: its value is shown as a mask, never read back.
        desired = [.. desired.Select(setting => setting.IsSecret || current.ContainsKey(setting.Code) && !SettingValues.IsSecret(current[setting.Code].Type) ? setting : setting with { IsSecret = true })];

        var (writes, secretReason) = await WritesAsync(context, desired, current, cancellationToken);

        string From(DesiredSetting setting) => Before(setting, current);
        string To(DesiredSetting setting) => setting.IsSecret ? Secret.Mask : setting.Value;

        if (!context.MayWrite)
        {
            foreach (var setting in writes)
            {
                outcome.Changed(setting.Code, From(setting), To(setting));
            }

            return;
        }

        if (writes.Count == 0)
        {
            outcome.Check(CheckResult.Pass(CheckIds.SettingsApplied,
                $"All {desired.Count} settings already as wanted; the client secret unchanged, since Creatio gets a token with it.", ConfigPaths.IdentityService.Section));
            return;
        }

        var typed = Typed(writes, current, out var misfit);
        if (misfit is not null)
        {
            outcome.Check(misfit);
            return;
        }

        if (writes.Any(setting => setting.IsConnection) && !await ClientIsAcceptedAsync(context, outcome, cancellationToken))
        {
            outcome.Fail("Nothing was written to Creatio: the Identity Service does not accept the configured client, and wrong credentials are never stored.");
            return;
        }

        foreach (var setting in writes)
        {
            outcome.Intend(setting.Code, From(setting), To(setting));
        }

        outcome.Sending(writes.Select(setting => setting.Code));
        context.Facts.SettingsChanged(writes.Select(setting => setting.Code));
        var verdicts = await context.Settings.PostAsync(typed, cancellationToken);
        var saved = writes.Where(setting => verdicts.GetValueOrDefault(setting.Code)).ToList();
        var refused = writes.Except(saved).ToList();
        saved.ForEach(setting => outcome.Done(setting.Code));
        refused.ForEach(setting => outcome.Refused(setting.Code));

        var readBack = await ReadBackAsync(context, [.. saved.Where(setting => current.ContainsKey(setting.Code))], cancellationToken);
        outcome.Check(Verdict(context, saved, refused, readBack, secretReason));
    }

    /// <summary>
    /// The value before, so that a person can restore it. A secret is never readable, so it stays
    /// masked; but the client secret of a connection that has neither URL nor client id yet was
    /// never set either, and its first write reads "set", not "replaced".
    /// </summary>
    private static string Before(DesiredSetting setting, IReadOnlyDictionary<string, SettingValue> current)
    {
        if (!setting.IsSecret)
        {
            return current.GetValueOrDefault(setting.Code)?.Value is { Length: > 0 } value ? value : NotSet;
        }

        var firstConnection = new[] { OAuthSettingCodes.Url, OAuthSettingCodes.ClientId }.All(code => current.GetValueOrDefault(code)?.Value is not { Length: > 0 });
        return setting.Code == OAuthSettingCodes.ClientSecret && firstConnection ? NotSet : Secret.Mask;
    }

    /// <summary>The settings that differ, and the secret with them when it must be written (and why).</summary>
    private static async Task<(List<DesiredSetting> Writes, string? SecretReason)> WritesAsync(
        StepContext context, IReadOnlyList<DesiredSetting> desired, IReadOnlyDictionary<string, SettingValue> current, CancellationToken cancellationToken)
    {
        var writes = desired
            .Where(setting => setting.Code != OAuthSettingCodes.ClientSecret
                && !(current.TryGetValue(setting.Code, out var stored) && SettingValues.Same(stored.Type, stored.Value, setting.Value)))
            .ToList();
        var secretReason = await SecretWriteReasonAsync(context, writes, cancellationToken);
        if (secretReason is not null)
        {
            writes.Add(desired.Single(setting => setting.Code == OAuthSettingCodes.ClientSecret));
        }

        return (writes, secretReason);
    }

    /// <summary>The values as JSON of the type Creatio declares for each; a value that does not fit stops the batch before anything is sent.</summary>
    private static Dictionary<string, JsonNode?> Typed(List<DesiredSetting> writes, IReadOnlyDictionary<string, SettingValue> current, out CheckResult? misfit)
    {
        misfit = null;
        var typed = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in writes)
        {
            var type = current.GetValueOrDefault(setting.Code)?.Type;
            typed[setting.Code] = SettingValues.ToJson(type, setting.Value, out var problem);
            if (problem is not null)
            {
                misfit = CheckResult.Fail(CheckIds.SettingsApplied,
                    $"{setting.ConfigPath} does not fit the setting {setting.Code}: {problem}. Nothing was written.", setting.ConfigPath, ErrorCodes.Configuration);
                return typed;
            }
        }

        return typed;
    }

    private static async Task<IReadOnlyDictionary<string, SettingValue>> ReadBackAsync(StepContext context, List<DesiredSetting> saved, CancellationToken cancellationToken)
    {
        var codes = saved.Select(setting => setting.Code).ToList();
        return codes.Count == 0 ? new Dictionary<string, SettingValue>() : await context.Facts.SettingsAsync(codes, cancellationToken);
    }

    private static CheckResult Verdict(StepContext context, List<DesiredSetting> saved, List<DesiredSetting> refused, IReadOnlyDictionary<string, SettingValue> readBack, string? secretReason)
    {
        if (refused.Count > 0)
        {
            var savedNote = saved.Count == 0 ? "; nothing was saved" : $"; saved: {string.Join(", ", saved.Select(setting => setting.Code))}";
            return CheckResult.Fail(CheckIds.SettingsApplied,
                $"Creatio refused to save {string.Join(", ", refused.Select(setting => setting.Code))} (saveResult false){savedNote}. Check that each code exists in Creatio (System settings), that the value fits its type, and that '{context.Config.Creatio.Username}' may change it.",
                refused[0].ConfigPath);
        }

        // What Creatio gives back is compared; a secret's value is never quoted.
        var mismatched = saved.Where(setting => setting.Code != OAuthSettingCodes.ClientSecret && readBack.ContainsKey(setting.Code)
            && !SettingValues.Same(readBack[setting.Code].Type, readBack[setting.Code].Value, setting.Value)).ToList();
        if (mismatched.Count > 0)
        {
            return CheckResult.Fail(CheckIds.SettingsApplied,
                $"Creatio accepted {string.Join(", ", mismatched.Select(setting => setting.Code))} but reads back {string.Join(", ", mismatched.Select(setting => setting.IsSecret ? "another value" : $"'{readBack[setting.Code].Value ?? "(nothing)"}'"))}: a personal value or a value type conversion may override it.",
                mismatched[0].ConfigPath);
        }

        var secretNote = secretReason is null
            ? "the client secret unchanged, since Creatio gets a token with it"
            : $"the client secret was written and accepted ({secretReason})";
        return CheckResult.Pass(CheckIds.SettingsApplied, $"Wrote {saved.Count} setting(s) in one request and read them back; {secretNote}.", ConfigPaths.IdentityService.Section);
    }

    /// <summary>Why the secret must be written now, or null when the stored one demonstrably works.</summary>
    private static async Task<string?> SecretWriteReasonAsync(StepContext context, IReadOnlyList<DesiredSetting> writes, CancellationToken cancellationToken)
    {
        if (writes.Any(setting => setting.IsConnection))
        {
            return "the Identity Service URL or client id changes with it";
        }

        try
        {
            var health = await context.Facts.HealthAsync(cancellationToken);
            return health.IsAccessTokenRetrievableForSystemActions == true
                ? null
                : "Creatio's health check cannot get a token with the stored secret";
        }
        catch (CreatioException exception) when (exception.Failure is CreatioFailure.NotFound or CreatioFailure.UnexpectedAnswer or CreatioFailure.HttpStatus or CreatioFailure.Timeout)
        {
            return "Creatio has no usable health check to confirm the stored secret";
        }
    }

    private static async Task<bool> ClientIsAcceptedAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var check in await context.IdentityServiceChecks.ProbeAsync(cancellationToken))
        {
            if (check.Status != CheckStatus.Pass)
            {
                outcome.Check(check);
                return false;
            }
        }

        return true;
    }
}
