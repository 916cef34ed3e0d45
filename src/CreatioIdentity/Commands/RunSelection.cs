namespace CreatioIdentity.Commands;

/// <summary>
/// Which environments of the file a command runs (<c>--environment</c>, repeatable, each a name or
/// <c>all</c>; commas separate names too) and how many run at once (<c>--parallel</c>). Empty
/// means the single site of a single-site file.
/// </summary>
public sealed record RunSelection
{
    public const int DefaultParallel = 4;
    public const int MaxParallel = 64;

    public RunSelection(IEnumerable<string> environments, int parallel = DefaultParallel)
    {
        ArgumentNullException.ThrowIfNull(environments);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parallel, MaxParallel);
        Environments =
        [
            .. environments
                .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct(StringComparer.Ordinal),
        ];
        Parallel = parallel;
    }

    public static RunSelection None { get; } = new([]);

    public IReadOnlyList<string> Environments { get; }

    public int Parallel { get; }
}
