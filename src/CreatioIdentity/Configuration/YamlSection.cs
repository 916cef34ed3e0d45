using YamlDotNet.RepresentationModel;

namespace CreatioIdentity.Configuration;

/// <summary>
/// A mapping of the file whose keys have been checked, addressed by name. <see cref="Path"/> is the
/// dotted path of the mapping ("" for the top level); <see cref="Anchor"/> is where an error about
/// a missing key points: the key that opened the mapping, or the mapping itself.
/// </summary>
internal sealed class YamlSection(string path, YamlNode anchor, IReadOnlyList<YamlSection.Entry> entries)
{
    public string Path { get; } = path;

    public YamlNode Anchor { get; } = anchor;

    public IReadOnlyList<Entry> Entries { get; } = entries;

    public bool Contains(string name) => Find(name) is not null;

    public Entry? Find(string name) => Entries.FirstOrDefault(entry => string.Equals(entry.Name, name, StringComparison.Ordinal));

    public string PathOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public sealed record Entry(string Name, YamlScalarNode Key, YamlNode Value);
}
