using Spectre.Console;
using Spectre.Console.Rendering;

namespace CreatioIdentity.Agents;

/// <summary>
/// A table whose last column is the one that wraps (a message), drawn so that no word in it is
/// ever split: a URL must stay whole to be copied. Spectre wraps a cell between words, but folds a
/// word longer than its column; so when the console is too narrow for the longest word of the last
/// column, the rows are written as lines instead, one per row and never wrapped (a terminal folds
/// them softly, and copies them whole).
/// </summary>
internal static class ConsoleTable
{
    // A square border: one line before each column and after the last, one space either side of each cell.
    private const int BorderPerColumn = 3;

    public static void Write(IAnsiConsole console, IReadOnlyList<string> headers, IReadOnlyList<(string Text, Style Style)[]> rows)
    {
        var widths = Enumerable.Range(0, headers.Count)
            .Select(column => rows.Select(row => row[column].Text.Length).Append(headers[column].Length).Max())
            .ToList();
        var fixedWidth = widths.Take(widths.Count - 1).Sum() + (BorderPerColumn * headers.Count) + 1;
        var longestWord = rows.SelectMany(row => row[^1].Text.Split(' ', '\n')).Select(word => word.Length).DefaultIfEmpty(0).Max();
        if (fixedWidth + Math.Max(longestWord, headers[^1].Length) <= console.Profile.Width)
        {
            var table = new Table();
            foreach (var header in headers)
            {
                table.AddColumn(header);
            }

            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(cell => (IRenderable)new Text(cell.Text, cell.Style))]);
            }

            console.Write(table);
            return;
        }

        Unwrapped(console, () =>
        {
            foreach (var row in rows)
            {
                var paragraph = new Paragraph();
                for (var column = 0; column < row.Length; column++)
                {
                    var text = column == row.Length - 1 ? row[column].Text : row[column].Text.PadRight(widths[column] + 2);
                    paragraph.Append(text, row[column].Style);
                }

                console.Write(paragraph);
                console.WriteLine();
            }
        });
    }

    /// <summary>Writes with nothing wrapped, then gives the console its width back.</summary>
    private static void Unwrapped(IAnsiConsole console, Action write)
    {
        var width = console.Profile.Width;
        console.Profile.Width = Math.Max(width, AgentConsole.UnwrappedWidth);
        try
        {
            write();
        }
        finally
        {
            console.Profile.Width = width;
        }
    }
}
