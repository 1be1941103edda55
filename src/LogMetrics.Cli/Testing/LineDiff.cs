namespace LogMetrics.Cli.Testing;

/// <summary>A line diff (longest common subsequence) written in unified style: ' ' kept, '-' expected only, '+' actual only.</summary>
internal static class LineDiff
{
    public static IReadOnlyList<string> Compute(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var n = expected.Count;
        var m = actual.Count;
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                common[i, j] = expected[i] == actual[j]
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && expected[x] == actual[y])
            {
                lines.Add(" " + expected[x++]);
                y++;
            }
            else if (y >= m || (x < n && common[x + 1, y] >= common[x, y + 1]))
            {
                lines.Add("-" + expected[x++]);
            }
            else
            {
                lines.Add("+" + actual[y++]);
            }
        }

        return lines;
    }
}
