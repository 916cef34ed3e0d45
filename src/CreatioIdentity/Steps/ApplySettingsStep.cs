using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// Writes the connection settings (and settings:) that differ, all in one request, judges each by
/// saveResult and reads them back. The secret cannot be read back, so it is written only when the
/// connection changes or Creatio's health check cannot get a token with the stored one.
/// </summary>
public sealed class ApplySettingsStep : Step
{
    public override string Name => "ApplySettings";

    protected override async Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        var desired = DesiredSettings.From(context.Config);
        var readable = desired.Where(setting => !setting.IsSecret).Select(setting => setting.Code).ToList();
        var current = await context.Facts.SettingsAsync(readable, cancellationToken);

        var writes = desired
            .Where(setting => !setting.IsSecret && !DesiredSettings.Same(current.GetValueOrDefault(setting.Code), setting.Value))
            .ToList();
        var secret = desired.Single(setting => setting.IsSecret);
        var secretReason = await SecretWriteReasonAsync(context, writes, cancellationToken);
        if (secretReason is not null)
        {
            writes.Add(secret);
        }

        // The value before, so that a person can restore it; the secret is never readable, so it stays masked.
        string? From(DesiredSetting setting) => setting.IsSecret ? Secret.Mask : current.GetValueOrDefault(setting.Code) is { Length: > 0 } value ? value : "(not set)";
        string To(DesiredSetting setting) => setting.IsSecret ? Secret.Mask : setting.Value;

        if (context.PlanOnly)
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
                $"All {desired.Count} settings already as wanted; the client secret was kept, since Creatio gets a token with it.", "identityService"));
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
        var verdicts = await context.Settings.PostAsync(writes.ToDictionary(setting => setting.Code, setting => setting.Value), cancellationToken);

        var saved = writes.Where(setting => verdicts.GetValueOrDefault(setting.Code)).ToList();
        var refused = writes.Except(saved).ToList();
        foreach (var setting in saved)
        {
            outcome.Done(setting.Code);
        }

        foreach (var setting in refused)
        {
            outcome.Refused(setting.Code);
        }

        var readBackCodes = saved.Where(setting => !setting.IsSecret).Select(setting => setting.Code).ToList();
        var readBack = readBackCodes.Count == 0 ? new Dictionary<string, string?>() : await context.Facts.SettingsAsync(readBackCodes, cancellationToken);
        var mismatched = saved.Where(setting => !setting.IsSecret && !DesiredSettings.Same(readBack.GetValueOrDefault(setting.Code), setting.Value)).ToList();

        if (refused.Count > 0)
        {
            outcome.Check(CheckResult.Fail(CheckIds.SettingsApplied,
                $"Creatio refused to save {string.Join(", ", refused.Select(setting => setting.Code))} (saveResult false){SavedNote(saved)}. Check that each code exists in Creatio (System settings) and that '{context.Config.Creatio.Username}' may change it.",
                refused[0].ConfigPath));
        }
        else if (mismatched.Count > 0)
        {
            outcome.Check(CheckResult.Fail(CheckIds.SettingsApplied,
                $"Creatio accepted {string.Join(", ", mismatched.Select(setting => setting.Code))} but reads back {string.Join(", ", mismatched.Select(setting => $"'{readBack.GetValueOrDefault(setting.Code) ?? "(nothing)"}'"))}: a personal value or a value type conversion may override it.",
                mismatched[0].ConfigPath));
        }
        else
        {
            var secretNote = secretReason is null
                ? "the client secret was kept, since Creatio gets a token with it"
                : $"the client secret was written and accepted ({secretReason})";
            outcome.Check(CheckResult.Pass(CheckIds.SettingsApplied,
                $"Wrote {saved.Count} setting(s) in one request and read them back; {secretNote}.", "identityService"));
        }
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
        catch (CreatioException exception) when (exception.Failure is CreatioFailure.NotFound or CreatioFailure.UnexpectedAnswer or CreatioFailure.HttpStatus)
        {
            return "Creatio has no usable health check to confirm the stored secret";
        }
    }

    private static async Task<bool> ClientIsAcceptedAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var check in await PreflightStep.ProbeIdentityServiceAsync(context, cancellationToken))
        {
            if (check.Status != CheckStatus.Pass)
            {
                outcome.Check(check);
                return false;
            }
        }

        return true;
    }

    private static string SavedNote(List<DesiredSetting> saved) =>
        saved.Count == 0 ? "; nothing was saved" : $"; saved: {string.Join(", ", saved.Select(setting => setting.Code))}";
}
