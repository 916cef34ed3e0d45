namespace CreatioIdentity;

/// <summary>Exit codes of every program of the tool: the engine, the Cake recipe, the GitHub reporter (SPEC §2, contract).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int ChangesPending = 2;
    /// <summary>The configuration or the command line is invalid.</summary>
    public const int InvalidConfiguration = 3;

    /// <summary>
    /// The exit code of a run over several environments: an invalid configuration (3) outranks a
    /// red check or failed step (1), which outranks pending changes (2), which outrank green (0).
    /// </summary>
    public static int Worst(IEnumerable<int> codes) =>
        codes.OrderByDescending(Rank).FirstOrDefault(Ok);

    private static int Rank(int code) => code switch
    {
        InvalidConfiguration => 3,
        Failed => 2,
        ChangesPending => 1,
        Ok => 0,
        _ => 2,
    };
}
