namespace LogMetrics.Cli.Testing;

/// <summary>Groups a line diff into unified-diff hunks (`@@ -a,b +c,d @@`) with a few lines of context around each change.</summary>
internal static class UnifiedDiff
{
    public const int DefaultContext = 3;

    /// <summary>The hunks of the diff from <paramref name="before"/> to <paramref name="after"/>; empty when they are equal.</summary>
    public static IReadOnlyList<string> Hunks(IReadOnlyList<string> before, IReadOnlyList<string> after, int context = DefaultContext)
    {
        var lines = LineDiff.Compute(before, after);
        var changed = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i][0] != ' ')
            {
                changed.Add(i);
            }
        }

        var output = new List<string>();
        var c = 0;
        while (c < changed.Count)
        {
            var start = Math.Max(0, changed[c] - context);
            var end = Math.Min(lines.Count, changed[c] + context + 1);
            c++;
            // Changes closer than twice the context share a hunk, as in diff -u.
            while (c < changed.Count && changed[c] - context <= end)
            {
                end = Math.Min(lines.Count, changed[c] + context + 1);
                c++;
            }

            var (oldStart, newStart) = Position(lines, start);
            var oldCount = 0;
            var newCount = 0;
            for (var i = start; i < end; i++)
            {
                oldCount += lines[i][0] != '+' ? 1 : 0;
                newCount += lines[i][0] != '-' ? 1 : 0;
            }

            output.Add($"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@");
            for (var i = start; i < end; i++)
            {
                output.Add(lines[i]);
            }
        }

        return output;
    }

    /// <summary>The 1-based old and new line numbers at diff line <paramref name="index"/>.</summary>
    private static (int Old, int New) Position(IReadOnlyList<string> lines, int index)
    {
        int oldLine = 1, newLine = 1;
        for (var i = 0; i < index; i++)
        {
            oldLine += lines[i][0] != '+' ? 1 : 0;
            newLine += lines[i][0] != '-' ? 1 : 0;
        }

        return (oldLine, newLine);
    }

    // diff -u writes an empty range as the line before it: "-0,0" for an empty file.
    private static string Range(int start, int count) => count switch
    {
        0 => $"{start - 1},0",
        1 => $"{start}",
        _ => $"{start},{count}",
    };
}
