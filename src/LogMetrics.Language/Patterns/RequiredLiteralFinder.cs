namespace LogMetrics.Language.Patterns;

/// <summary>Finds a literal that every match must contain (case-sensitive), for an IndexOf prefilter. Conservative: when unsure, less.</summary>
internal static class RequiredLiteralFinder
{
    public static string? Find(RegexNode root)
    {
        var best = Analyze(root).Best;
        return best.Length > 0 ? best : null;
    }

    private static LiteralInfo Analyze(RegexNode node)
    {
        switch (node.Kind)
        {
            case RegexNodeKind.Empty:
            case RegexNodeKind.Assertion:
            case RegexNodeKind.Flags:
            case RegexNodeKind.Lookaround:
                // Zero-width: nothing consumed, so the text on either side stays adjacent.
                return LiteralInfo.Fixed("");
            case RegexNodeKind.Literal:
                return node.FoldCase ? LiteralInfo.Nothing : LiteralInfo.Fixed(node.Text);
            case RegexNodeKind.Concat:
                var acc = LiteralInfo.Fixed("");
                foreach (var child in node.Children)
                {
                    acc = Concat(acc, Analyze(child));
                }

                return acc;
            case RegexNodeKind.Alternate:
                return Alternate(node.Children.Select(Analyze).ToList());
            case RegexNodeKind.Repeat:
                if (node.Min == 0)
                {
                    return LiteralInfo.Nothing;
                }

                var sub = Analyze(node.Child);
                if (node.Min == 1 && node.Max == 1)
                {
                    return sub;
                }

                return new LiteralInfo(null, sub.Prefix, sub.Suffix, sub.Best);
            case RegexNodeKind.Capture:
            case RegexNodeKind.Group:
                return Analyze(node.Child);
            case RegexNodeKind.GrokExpansion:
                return node.FoldCase ? LiteralInfo.Nothing : Analyze(node.Child);
            default:
                return LiteralInfo.Nothing;
        }
    }

    private static LiteralInfo Concat(LiteralInfo a, LiteralInfo b)
    {
        if (a.Exact is not null && b.Exact is not null)
        {
            return LiteralInfo.Fixed(a.Exact + b.Exact);
        }

        var prefix = a.Exact is not null ? a.Exact + b.Prefix : a.Prefix;
        var suffix = b.Exact is not null ? a.Suffix + b.Exact : b.Suffix;
        var best = Longest(Longest(a.Best, b.Best), Longest(a.Suffix + b.Prefix, Longest(prefix, suffix)));
        return new LiteralInfo(null, prefix, suffix, best);
    }

    private static LiteralInfo Alternate(List<LiteralInfo> branches)
    {
        if (branches.All(b => b.Exact is not null && b.Exact == branches[0].Exact))
        {
            return branches[0];
        }

        var prefix = branches[0].Prefix;
        var suffix = branches[0].Suffix;
        foreach (var b in branches.Skip(1))
        {
            prefix = prefix[..CommonPrefixLength(prefix, b.Prefix)];
            suffix = suffix[^CommonSuffixLength(suffix, b.Suffix)..];
        }

        return new LiteralInfo(null, prefix, suffix, Longest(prefix, suffix));
    }

    private static int CommonPrefixLength(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private static int CommonSuffixLength(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[^(n + 1)] == b[^(n + 1)])
        {
            n++;
        }

        return n;
    }

    private static string Longest(string a, string b) => b.Length > a.Length ? b : a;
}
