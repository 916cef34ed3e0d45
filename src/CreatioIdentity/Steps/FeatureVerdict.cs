using CreatioIdentity.Creatio;

namespace CreatioIdentity.Steps;

/// <summary>
/// One feature of features: judged against what Creatio has: whether it can be written at all, and
/// what differs from the wanted state: the default ("for all users"), override rows of users or
/// roles, and the state in effect for the logged-in user.
/// </summary>
public sealed record FeatureVerdict(string Code, bool Wanted, AppFeature? Feature, string? Problem, IReadOnlyList<FeatureOverride> WrongOverrides)
{
    public bool DefaultWrong => Feature is not null && Feature.DefaultState != Wanted;

    public bool EffectiveWrong => Feature is not null && Feature.EffectiveState != Wanted;

    /// <summary>Stored as wanted: the default and every override row.</summary>
    public bool Stored => Problem is null && !DefaultWrong && WrongOverrides.Count == 0;

    public bool InEffect => Stored && !EffectiveWrong;

    public static string Describe(bool? state) => state switch
    {
        true => "on",
        false => "off",
        null => "not set",
    };

    /// <summary>Judges every feature of <paramref name="wanted"/>; codes are matched exactly, as Creatio stores them.</summary>
    public static IReadOnlyList<FeatureVerdict> Judge(IReadOnlyDictionary<string, bool> wanted, FeatureReading reading)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(reading);
        // Rows are asked for by Feature.Code; one that does not name its feature belongs to the only one asked for.
        if (wanted.Count == 1 && reading.Overrides.Any(row => row.FeatureCode.Length == 0))
        {
            reading = reading with { Overrides = [.. reading.Overrides.Select(row => row.FeatureCode.Length == 0 ? row with { FeatureCode = wanted.Keys.Single() } : row)] };
        }

        var unattributed = reading.Overrides.Any(row => row.FeatureCode.Length == 0);
        return [.. wanted.Select(pair => unattributed
            ? new FeatureVerdict(pair.Key, pair.Value, null, "Creatio's override rows (AdminUnitFeatureState) did not say which feature each belongs to, so none can be judged or written: please report it with a trace (--trace-http)", [])
            : Judge(pair.Key, pair.Value, reading))];
    }

    private static FeatureVerdict Judge(string code, bool wanted, FeatureReading reading)
    {
        var feature = reading.Features.FirstOrDefault(row => string.Equals(row.Code, code, StringComparison.Ordinal));
        if (feature is null)
        {
            var similar = reading.Features.FirstOrDefault(row => string.Equals(row.Code, code, StringComparison.OrdinalIgnoreCase));
            var problem = similar is not null
                ? $"Creatio has no feature '{code}', but has '{similar.Code}': write the code as Creatio does (codes are case-sensitive)"
                : HostSwitches.Remedy(code) is { } remedy
                    ? $"'{code}' is not a database feature: {remedy}; remove it from features:"
                    : $"Creatio has no feature '{code}' (the /0/Flags page lists them): check the code, and that the package that defines it is installed";
            return new FeatureVerdict(code, wanted, null, problem, []);
        }

        if (!feature.IsInDatabase)
        {
            var source = string.IsNullOrWhiteSpace(feature.Source) ? "an unnamed source" : feature.Source;
            var problem = HostSwitches.Remedy(code) is { } remedy
                ? $"'{code}' is not a database feature (its source is {source}): {remedy}; remove it from features:"
                : $"'{code}' is defined by {source}, not in the database, so it cannot be written through the feature tables (SPEC: only DbFeatureProvider features are); change it where {source} defines it, or remove it from features:";
            return new FeatureVerdict(code, wanted, feature, problem, []);
        }

        var overrides = reading.Overrides
            .Where(row => string.Equals(row.FeatureCode, code, StringComparison.OrdinalIgnoreCase) && row.IsOn != wanted)
            .ToList();
        return new FeatureVerdict(code, wanted, feature, null, overrides);
    }
}
