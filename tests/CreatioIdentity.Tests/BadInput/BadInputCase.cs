using System.Text;

namespace CreatioIdentity.Tests.BadInput;

/// <summary>
/// One bad file: its bytes, the environment it meets, and what the error must say where.
/// <paramref name="Line"/> and <paramref name="Column"/> are where the error points (1:1 when the
/// file as a whole is the problem); every fragment must be in the message; nothing in
/// <paramref name="Unsaid"/> may be printed or written.
/// </summary>
public sealed record BadInputCase(
    string Name,
    byte[] File,
    int Line,
    int Column,
    string[] Fragments,
    IReadOnlyDictionary<string, string?>? Environment = null,
    string[]? Unsaid = null)
{
    public static BadInputCase Text(string name, string yaml, int line, int column, params string[] fragments) =>
        new(name, Encoding.UTF8.GetBytes(yaml), line, column, fragments);

    /// <summary>The valid file with <paramref name="find"/> replaced.</summary>
    public static BadInputCase Edit(string name, string find, string replace, int line, int column, params string[] fragments)
    {
        if (!BadInputFixture.ValidYaml.Contains(find, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the valid file has no '{find}'", nameof(find));
        }

        return Text(name, BadInputFixture.ValidYaml.Replace(find, replace, StringComparison.Ordinal), line, column, fragments);
    }

    public override string ToString() => Name;
}
