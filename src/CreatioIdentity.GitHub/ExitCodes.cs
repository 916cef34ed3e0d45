namespace CreatioIdentity.GitHub;

/// <summary>The exit codes of creatio-identity-github, in the engine's sense (SPEC §2).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>sync-issues only: GitHub refused or could not be reached, or there was no report: the alerting is broken.</summary>
    public const int Failed = 1;

    /// <summary>The command line is invalid.</summary>
    public const int InvalidCommandLine = 3;
}
