namespace LogMetrics.Language.Patterns;

/// <summary>One node of a parsed regex; which fields matter depends on <see cref="Kind"/>.</summary>
internal sealed class RegexNode
{
    private RegexNode(RegexNodeKind kind) => Kind = kind;

    public RegexNodeKind Kind { get; }

    public IReadOnlyList<RegexNode> Children { get; private init; } = [];

    /// <summary>Literal text (one code point), or the .NET text of an assertion, flag set or group opener.</summary>
    public string Text { get; private init; } = "";

    /// <summary>A literal under (?i), or a grok expansion referenced under (?i).</summary>
    public bool FoldCase { get; private init; }

    public CharClass? Class { get; private init; }

    public int Min { get; private init; }

    /// <summary>-1 for no upper bound.</summary>
    public int Max { get; private init; }

    public bool Greedy { get; private init; }

    public bool Possessive { get; private init; }

    public string? Name { get; private init; }

    /// <summary>The type a grok reference asked for; null means inferred from the sub-pattern.</summary>
    public CaptureType? ExplicitType { get; private init; }

    /// <summary>Atomic groups (which need the backtracking engine).</summary>
    public bool IsAtomic { get; private init; }

    public RegexNode Child => Children[0];

    public static readonly RegexNode EmptyNode = new(RegexNodeKind.Empty);

    public static RegexNode Literal(string codePoint, bool foldCase) =>
        new(RegexNodeKind.Literal) { Text = codePoint, FoldCase = foldCase };

    public static RegexNode ForClass(CharClass cls) => new(RegexNodeKind.Class) { Class = cls };

    public static RegexNode Any() => new(RegexNodeKind.AnyChar);

    public static RegexNode Assertion(string netText) => new(RegexNodeKind.Assertion) { Text = netText };

    public static RegexNode Flags(string netText) => new(RegexNodeKind.Flags) { Text = netText };

    public static RegexNode Concat(IReadOnlyList<RegexNode> items) =>
        items.Count switch
        {
            0 => EmptyNode,
            1 => items[0],
            _ => new(RegexNodeKind.Concat) { Children = items },
        };

    public static RegexNode Alternate(IReadOnlyList<RegexNode> branches) =>
        branches.Count == 1 ? branches[0] : new(RegexNodeKind.Alternate) { Children = branches };

    public static RegexNode Repeat(RegexNode sub, int min, int max, bool greedy, bool possessive) =>
        new(RegexNodeKind.Repeat) { Children = [sub], Min = min, Max = max, Greedy = greedy, Possessive = possessive };

    public static RegexNode Capture(RegexNode sub, string? name, CaptureType? explicitType) =>
        new(RegexNodeKind.Capture) { Children = [sub], Name = name, ExplicitType = explicitType };

    /// <summary>A non-capturing group; <paramref name="opener"/> is "(?:", "(?i-s:" or "(?>".</summary>
    public static RegexNode Group(RegexNode sub, string opener) =>
        new(RegexNodeKind.Group) { Children = [sub], Text = opener, IsAtomic = opener == "(?>" };

    public static RegexNode Lookaround(RegexNode sub, string opener) =>
        new(RegexNodeKind.Lookaround) { Children = [sub], Text = opener };

    public static RegexNode GrokExpansion(RegexNode sub, string patternName, bool foldCase) =>
        new(RegexNodeKind.GrokExpansion) { Children = [sub], Name = patternName, FoldCase = foldCase };
}
