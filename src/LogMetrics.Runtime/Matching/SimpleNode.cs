namespace LogMetrics.Runtime.Matching;

/// <summary>One step of a <see cref="SimpleMatcher"/>: each node knows the node that follows it, so a branch ends by
/// pointing at what follows its group.</summary>
internal sealed class SimpleNode
{
    private SimpleNode(SimpleNodeKind kind, SimpleNode? next)
    {
        Kind = kind;
        Next = next!;
    }

    public SimpleNodeKind Kind { get; }

    /// <summary>What follows this node (null only after <see cref="SimpleNodeKind.Accept"/>).</summary>
    public SimpleNode Next { get; }

    /// <summary>For <see cref="SimpleNodeKind.Literal"/>: the text to compare.</summary>
    public string Text { get; private init; } = "";

    /// <summary>For <see cref="SimpleNodeKind.Repeat"/>: the characters, and how many (max -1: no bound).</summary>
    public CharSet Set { get; private init; } = null!;

    public int Min { get; private init; }

    public int Max { get; private init; }

    public bool Greedy { get; private init; }

    public AnchorKind Anchor { get; private init; }

    /// <summary>For <see cref="SimpleNodeKind.Open"/> and <see cref="SimpleNodeKind.Close"/>: the .NET group number.</summary>
    public int Group { get; private init; }

    /// <summary>For <see cref="SimpleNodeKind.Alternate"/>: the branches in order, each ending at the alternation's next.</summary>
    public SimpleNode[] Branches { get; private init; } = [];

    /// <summary>For <see cref="SimpleNodeKind.Optional"/>: the group's nodes, ending at <see cref="Next"/>; for
    /// <see cref="SimpleNodeKind.LoopTest"/>: one iteration's nodes, ending at the loop's <see cref="SimpleNodeKind.LoopBack"/>
    /// (set after the node exists: the loop is a cycle).</summary>
    public SimpleNode Body { get; private set; } = null!;

    /// <summary>For <see cref="SimpleNodeKind.Open"/>: the group is inside a repeated group, where backtracking into an
    /// earlier iteration meets its opening again after a later one moved it, so the opening is undone on failure.</summary>
    public bool InRepeat { get; private init; }

    /// <summary>For the loop nodes: which loop (its iteration count is kept per loop while a search runs).</summary>
    public int Loop { get; private init; }

    /// <summary>The character any match of the rest must start with at this node, if one is known.</summary>
    public int FirstChar => Kind == SimpleNodeKind.Literal ? Text[0] : -1;

    public static SimpleNode Accept() => new(SimpleNodeKind.Accept, null);

    public static SimpleNode Literal(string text, SimpleNode next) => new(SimpleNodeKind.Literal, next) { Text = text };

    public static SimpleNode Repeat(CharSet set, int min, int max, bool greedy, SimpleNode next) =>
        new(SimpleNodeKind.Repeat, next) { Set = min == 1 && max == 1 ? set : set.WithRuns(), Min = min, Max = max, Greedy = greedy };

    /// <summary>For <see cref="SimpleNodeKind.Look"/>: the characters to find right after (or, <see cref="Behind"/>,
    /// right before) the position; <see cref="Negated"/>: that they are not there.</summary>
    public CharSet[] Sets { get; private init; } = [];

    public bool Behind { get; private init; }

    public bool Negated { get; private init; }

    public static SimpleNode Look(CharSet[] sets, bool behind, bool negated, SimpleNode next) =>
        new(SimpleNodeKind.Look, next) { Sets = sets, Behind = behind, Negated = negated };

    public static SimpleNode AnchorAt(AnchorKind kind, SimpleNode next) => new(SimpleNodeKind.Anchor, next) { Anchor = kind };

    /// <param name="repeated">Inside a repeated group: the opening is undone when the path through it fails.</param>
    public static SimpleNode Open(int group, bool repeated, SimpleNode next) => new(SimpleNodeKind.Open, next) { Group = group, InRepeat = repeated };

    public static SimpleNode Close(int group, SimpleNode next) => new(SimpleNodeKind.Close, next) { Group = group };

    public static SimpleNode Alternate(SimpleNode[] branches) => new(SimpleNodeKind.Alternate, null) { Branches = branches };

    /// <summary>A repeated group: the entry that starts its count, whose <see cref="Next"/> is the test that decides
    /// between another iteration (<paramref name="body"/>, given the loop-back node) and <paramref name="next"/>.</summary>
    public static SimpleNode Repeated(int loop, int min, int max, bool greedy, Func<SimpleNode, SimpleNode> body, SimpleNode next)
    {
        var test = new SimpleNode(SimpleNodeKind.LoopTest, next) { Loop = loop, Min = min, Max = max, Greedy = greedy };
        test.Body = body(new SimpleNode(SimpleNodeKind.LoopBack, test) { Loop = loop });
        return new SimpleNode(SimpleNodeKind.LoopEnter, test) { Loop = loop };
    }

    public static SimpleNode Optional(SimpleNode body, bool greedy, SimpleNode next) =>
        new(SimpleNodeKind.Optional, next) { Body = body, Greedy = greedy };
}
