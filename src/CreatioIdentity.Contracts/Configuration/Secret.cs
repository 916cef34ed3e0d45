namespace CreatioIdentity.Configuration;

/// <summary>
/// A value that must never be printed. ToString and every formatting path show a mask, so a
/// secret that slips into a message or a log line leaks nothing; only Reveal gives the value.
/// </summary>
public sealed class Secret(string value) : IEquatable<Secret>
{
    public const string Mask = "***";

    public string Reveal() => value;

    public override string ToString() => Mask;

    public bool Equals(Secret? other) => other is not null && string.Equals(value, other.Reveal(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(value);
}
