using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CreatioIdentity.Configuration;

/// <summary>
/// The parse events of the file, refused as soon as one is something this file has no use for
/// and that could hurt: an anchor or alias (the "billion laughs" bomb multiplies a few lines into
/// gigabytes), a key written twice in one mapping (YAML would silently keep one of them), or
/// nesting deeper than any configuration needs (deep recursion). Each refusal stops the parse at
/// once, so a hostile file costs no more than reading it up to that point.
/// </summary>
internal sealed class GuardedParser(IParser inner) : IParser
{
    /// <summary>The file needs four levels; a few more leave room for lists in later versions.</summary>
    public const int MaxDepth = 16;

    private readonly Stack<Frame> frames = new();

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case AnchorAlias alias:
                throw new RefusedYamlException(alias.Start, $"'*{alias.Value}' is a YAML alias; this file does not take anchors or aliases (&name, *name, <<): write each value where it is used");
            case NodeEvent { Anchor.IsEmpty: false } anchored:
                throw new RefusedYamlException(anchored.Start, $"'&{anchored.Anchor.Value}' is a YAML anchor; this file does not take anchors or aliases (&name, *name, <<): write each value where it is used");
            case MappingStart or SequenceStart:
                Node((NodeEvent)inner.Current);
                if (frames.Count >= MaxDepth)
                {
                    throw new RefusedYamlException(inner.Current.Start, $"the values are nested more than {MaxDepth} levels deep; this file needs four at most");
                }

                frames.Push(new Frame(inner.Current is MappingStart));
                break;
            case MappingEnd or SequenceEnd:
                frames.Pop();
                break;
            case Scalar scalar:
                RefuseEscapedHiddenCharacter(scalar);
                Node(scalar);
                break;
        }

        return true;
    }

    /// <summary>
    /// The raw text was searched for hidden characters before parsing; an escape in double quotes
    /// ("\a", "\u202E", "\t") makes one only now, in the value a setting would receive.
    /// </summary>
    private static void RefuseEscapedHiddenCharacter(Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.DoubleQuoted)
        {
            return;
        }

        foreach (var c in scalar.Value)
        {
            if (ConfigText.DescribeInValue(c) is { } what)
            {
                throw new RefusedYamlException(scalar.Start,
                    $"{what} U+{(int)c:X4} is written as an escape in this value; a Creatio setting, URL or name has no use for it, so remove the escape (or write the value through ${{VAR}} if it must hold one)");
            }
        }
    }

    /// <summary>Counts a node into its parent mapping: every other node of a mapping is a key.</summary>
    private void Node(NodeEvent node)
    {
        if (!frames.TryPeek(out var parent) || !parent.IsMapping)
        {
            return;
        }

        var isKey = parent.NextIsKey;
        parent.NextIsKey = !isKey;
        if (!isKey || node is not Scalar { Value: var name })
        {
            return;
        }

        if (parent.Keys.TryGetValue(name, out var first))
        {
            throw new RefusedYamlException(node.Start, $"the key '{name}' is written twice in the same mapping (first at line {first.Line}); YAML would keep only one of them, so remove the other");
        }

        parent.Keys[name] = node.Start;
    }

    private sealed class Frame(bool isMapping)
    {
        public bool IsMapping { get; } = isMapping;

        public bool NextIsKey { get; set; } = true;

        public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>A file that is YAML but that the loader will not read; the message says why and what to write instead.</summary>
internal sealed class RefusedYamlException(Mark start, string message) : YamlException(start, start, message);
