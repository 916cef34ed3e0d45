namespace CreatioIdentity.Tests.Sandbox;

/// <summary>Request bodies as the engine sends them.</summary>
internal static class CreatioBodies
{
    public static object QuerySysSettings(params string[] codes) => new { sysSettingsNameCollection = codes };

}
