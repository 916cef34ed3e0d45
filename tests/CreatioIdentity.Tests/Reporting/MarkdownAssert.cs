using CreatioIdentity.Sandbox;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CreatioIdentity.Tests.Reporting;

/// <summary>
/// Markdown read as GitHub renders it (pipe tables, autolinks), to prove that text from a report
/// (<see cref="HostileText"/> above all) shows as written and does nothing.
/// </summary>
internal static class MarkdownAssert
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();

    /// <summary>
    /// No image; no link or autolink to where the text pointed; no HTML but line breaks and hidden
    /// markers; and outside code, no hostile marker and nothing GitHub makes a mention or reference of.
    /// </summary>
    public static void DoesNothing(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    Assert.False(link.IsImage, $"an image: {link.Url}");
                    Assert.DoesNotContain("evil", link.Url ?? string.Empty, StringComparison.Ordinal);
                    break;
                case AutolinkInline autolink:
                    Assert.DoesNotContain("evil", autolink.Url, StringComparison.Ordinal);
                    break;
                case HtmlInline html:
                    Assert.True(html.Tag is "<br>" || html.Tag.StartsWith("<!--", StringComparison.Ordinal), $"HTML: {html.Tag}");
                    break;
                case HtmlBlock block:
                    Assert.StartsWith("<!--", block.Lines.ToString(), StringComparison.Ordinal);
                    break;
                case LiteralInline literal:
                    var text = literal.Content.ToString();
                    Assert.DoesNotContain(HostileText.Marker, text, StringComparison.Ordinal);
                    Assert.All(HostileText.References, reference => Assert.DoesNotContain(reference, text, StringComparison.Ordinal));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// Every row of every table has as many cells as its header. GitHub splits a row at each "|"
    /// that no backslash escapes, inside code too, so that is what is counted.
    /// </summary>
    public static void TablesKeepTheirColumns(string markdown)
    {
        int? columns = null;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                columns = null;
                continue;
            }

            var pipes = line.Where((c, i) => c == '|' && (i == 0 || line[i - 1] != '\\')).Count();
            columns ??= pipes;
            Assert.True(columns == pipes, $"a row with {pipes - 1} cells under a header of {columns - 1}: {line}");
        }
    }
}
