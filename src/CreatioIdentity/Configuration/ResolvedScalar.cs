using YamlDotNet.RepresentationModel;

namespace CreatioIdentity.Configuration;

/// <summary>A scalar after interpolation, with what the loader needs to judge it.</summary>
/// <param name="Node">The value node, for positions.</param>
/// <param name="Text">The value with every <c>${VAR}</c> replaced.</param>
/// <param name="References">The environment variables it took.</param>
/// <param name="IsNull">Written as an empty or null plain value.</param>
/// <param name="IsQuoted">Written in quotes without any reference, so meant as text rather than a number or true/false.</param>
internal sealed record ResolvedScalar(YamlScalarNode Node, string Text, IReadOnlyList<string> References, bool IsNull, bool IsQuoted);
