using YamlDotNet.RepresentationModel;

namespace CreatioIdentity.Tests.Integration;

/// <summary>
/// A configuration file edited through YamlDotNet's representation model: keys are reached by their
/// dotted path (<c>creatio.timeoutSeconds</c>), so an edit cannot silently miss a line that was
/// reformatted or match one in another section, as a text replacement can. Values are written as
/// plain scalars (<c>${VAR}</c> stays a reference); comments of the original are not kept.
/// </summary>
public sealed class ConfigEdit
{
    private readonly YamlMappingNode root;

    private ConfigEdit(YamlMappingNode root) => this.root = root;

    public static ConfigEdit Of(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new ConfigEdit((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public static ConfigEdit OfFile(string path) => Of(File.ReadAllText(path));

    /// <summary>Sets a scalar, creating the mappings on the way; an existing key keeps its place.</summary>
    public ConfigEdit Set(string path, string value) => Put(path, new YamlScalarNode(value));

    /// <summary>Replaces (or adds) a key's whole value with the mapping that <paramref name="yaml"/> holds.</summary>
    public ConfigEdit SetMapping(string path, string yaml) => Put(path, Of(yaml).root);

    /// <summary>Adds every key of the mapping <paramref name="yaml"/> into the mapping at <paramref name="path"/>.</summary>
    public ConfigEdit Merge(string path, string yaml)
    {
        foreach (var (key, value) in Of(yaml).root.Children)
        {
            Put($"{path}.{key}", value);
        }

        return this;
    }

    /// <summary>Gives an existing key another name, in its place (a typo the loader must catch, say).</summary>
    public ConfigEdit Rename(string path, string newName)
    {
        var (parent, key) = Find(path);
        var entries = parent.Children.ToList();
        var index = entries.FindIndex(entry => entry.Key.Equals(key));
        Assert.True(index >= 0, $"{path} is not in the configuration");
        parent.Children.Clear();
        for (var position = 0; position < entries.Count; position++)
        {
            parent.Add(position == index ? new YamlScalarNode(newName) : entries[position].Key, entries[position].Value);
        }

        return this;
    }

    public ConfigEdit Remove(string path)
    {
        var (parent, key) = Find(path);
        Assert.True(parent.Children.Remove(key), $"{path} is not in the configuration");
        return this;
    }

    public override string ToString()
    {
        var writer = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private ConfigEdit Put(string path, YamlNode value)
    {
        var (parent, key) = Find(path, create: true);
        parent.Children[key] = value;
        return this;
    }

    private (YamlMappingNode Parent, YamlScalarNode Key) Find(string path, bool create = false)
    {
        var names = path.Split('.');
        var mapping = root;
        foreach (var name in names[..^1])
        {
            var key = new YamlScalarNode(name);
            if (!mapping.Children.TryGetValue(key, out var child))
            {
                Assert.True(create, $"{path} is not in the configuration");
                child = new YamlMappingNode();
                mapping.Add(key, child);
            }

            mapping = Assert.IsType<YamlMappingNode>(child);
        }

        return (mapping, new YamlScalarNode(names[^1]));
    }
}
