namespace CreatioIdentity.Configuration;

/// <summary>Finds the allowed word a mistyped one was most likely meant to be ("did you mean ...?").</summary>
internal static class KeySuggestion
{
    public static string? Closest(string written, IEnumerable<string> allowed)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            var distance = Distance(written.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // A third of the word may be wrong: "usrname" and "URL" are typos, "proxy" is not a "url".
        return best is not null && bestDistance <= Math.Max(1, best.Length / 3) ? best : null;
    }

    /// <summary>Edit distance counting insertions, deletions, substitutions and swapped neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        var rows = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            rows[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(rows[i - 1, j] + 1, rows[i, j - 1] + 1), rows[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, rows[i - 2, j - 2] + 1);
                }

                rows[i, j] = best;
            }
        }

        return rows[a.Length, b.Length];
    }
}
