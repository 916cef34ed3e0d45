using CreatioIdentity.Sandbox;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Integration;

/// <summary>What a connected sandbox Creatio holds, read from its state rather than from any report.</summary>
internal static class ConnectedState
{
    /// <summary>Every way the sandbox differs from connected; empty when it is connected.</summary>
    public static IReadOnlyList<string> Problems(SandboxHost sandbox)
    {
        var creatio = sandbox.Creatio;
        var problems = new List<string>();
        if (!creatio.GetFeatureState("OAuth20Integration"))
        {
            problems.Add("OAuth20Integration is not on by default (for all users)");
        }

        foreach (var row in creatio.GetFeatureOverrides("OAuth20Integration").Where(row => row.State == 0))
        {
            problems.Add($"OAuth20Integration is off for {row.UnitName}");
        }

        if (!creatio.GetEffectiveFeatureState("OAuth20Integration"))
        {
            problems.Add("OAuth20Integration is not in effect (feature cache stale)");
        }

        Expect(OAuthSettingCodes.Url, sandbox.IdentityServiceUrl.AbsoluteUri);
        Expect(OAuthSettingCodes.ClientId, sandbox.Options.ClientId);
        Expect(OAuthSettingCodes.ClientSecret, sandbox.Options.ClientSecret);
        if (!creatio.DefaultResourceRegistered)
        {
            problems.Add("the default OAuth resource is not registered");
        }

        return problems;

        void Expect(string code, string wanted)
        {
            if (!string.Equals(creatio.GetSetting(code), wanted, StringComparison.Ordinal))
            {
                problems.Add($"{code} is not as configured");
            }
        }
    }

    /// <summary>Puts the sandbox back to a fresh Creatio, so the next run must write everything again.</summary>
    public static void Reset(SandboxHost sandbox)
    {
        var creatio = sandbox.Creatio;
        creatio.SetFeatureState("OAuth20Integration", false);
        creatio.SetFeatureOverride("OAuth20Integration", "System administrators", 0);
        creatio.SetSetting(OAuthSettingCodes.Url, null);
        creatio.SetSetting(OAuthSettingCodes.ClientId, null);
        creatio.SetSetting(OAuthSettingCodes.ClientSecret, null);
        creatio.DefaultResourceRegistered = false;
    }
}
