using CreatioIdentity.Sandbox;

namespace CreatioIdentity.Tests.Sandbox;

/// <summary>States a test starts from, preset at once (past the feature cache and the settle delay).</summary>
internal static class SandboxPresets
{
    public const string OAuth20Integration = "OAuth20Integration";
    public const string SystemAdministrators = "System administrators";
    public const string AllEmployees = "All employees";

    /// <summary>What a connected Creatio holds: the feature on for everyone, the three settings, the default resource.</summary>
    public static SandboxHost Connected(this SandboxHost sandbox, string settingsPrefix = "OAuth20IdentityServer")
    {
        sandbox.Creatio.SetFeatureState(OAuth20Integration, true);
        sandbox.Creatio.SetFeatureOverride(OAuth20Integration, SystemAdministrators, 1);
        sandbox.FillIn(settingsPrefix);
        sandbox.Creatio.DefaultResourceRegistered = true;
        return sandbox;
    }

    /// <summary>The three Identity Service settings under a prefix (OAuth20IdentityServer or IdentityServer).</summary>
    public static void FillIn(this SandboxHost sandbox, string prefix)
    {
        sandbox.Creatio.SetSetting(prefix + "Url", sandbox.IdentityServiceUrl.ToString());
        sandbox.Creatio.SetSetting(prefix + "ClientId", sandbox.Options.ClientId);
        sandbox.Creatio.SetSetting(prefix + "ClientSecret", sandbox.Options.ClientSecret);
    }
}
