using System.Reflection;
using System.Text;
using CreatioIdentity.Protocol;

namespace CreatioIdentity.Tests.Protocol;

/// <summary>
/// build/recipe/protocol.cake, written from the protocol the engine reads (EngineProtocol,
/// EngineVariables, CiSystems). The recipe is plain Cake script, shipped as it is in the
/// CreatioIdentity.Cake package and loaded from source by build.cake, so the file is committed;
/// <see cref="ProtocolCakeTests"/> fails while it differs from what this writes.
/// </summary>
public static class ProtocolCake
{
    /// <summary>Set to 1 to have the test write the file afresh instead of failing.</summary>
    public const string UpdateVariable = "UPDATE_PROTOCOL_CAKE";

    public static string Path { get; } = System.IO.Path.Combine(Integration.EngineRun.RepositoryRoot, "build", "recipe", "protocol.cake");

    public static string Generate()
    {
        var cake = new StringBuilder();
        cake.Append($$"""
            // Generated from src/CreatioIdentity.Contracts/Protocol (EngineProtocol, EngineVariables, CiSystems),
            // the protocol the engine reads: do not edit. After a change there, write it afresh with
            //   {{UpdateVariable}}=1 dotnet test --filter "FullyQualifiedName~ProtocolCakeTests"
            // (tests/CreatioIdentity.Tests/Protocol/ProtocolCakeTests.cs fails while the two differ).

            public sealed class EngineProtocol
            {
                // Cake target -> engine command (SPEC §2, contract).
                public static readonly IReadOnlyDictionary<string, string> Commands =
                    new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                    {

            """);
        foreach (var target in EngineProtocol.Targets)
        {
            cake.Append($"            [\"{target.Target}\"] = \"{target.Command}\",\n");
        }

        cake.Append("""
                    };

                // ConnectIdentity on one site: one engine process per target, in this order. The
                // first starts the run's report, the last publishes it.

            """);
        cake.Append($"    public static readonly string[] ConnectSteps = [{string.Join(", ", EngineProtocol.ConnectSteps.Select(Quote))}];\n");
        cake.Append("\n    // The variables of the engine processes of a run.\n");
        AppendConstants(cake, typeof(EngineVariables), "Variable");
        cake.Append("\n    // CI detection, the engine's: the variable set to true (in any case).\n");
        AppendConstants(cake, typeof(CiSystems), string.Empty);
        cake.Append("}\n");
        return cake.ToString();
    }

    private static void AppendConstants(StringBuilder cake, Type type, string suffix)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.IsLiteral))
        {
            cake.Append($"    public const string {field.Name}{suffix} = {Quote((string)field.GetRawConstantValue()!)};\n");
        }
    }

    private static string Quote(string text) => $"\"{text}\"";
}
