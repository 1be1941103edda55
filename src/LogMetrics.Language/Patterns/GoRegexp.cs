namespace LogMetrics.Language.Patterns;

/// <summary>A node of Go's regexp/syntax tree, reduced to what inference needs.</summary>
internal sealed class GoRegexp
{
    public GoRegexp(GoOp op) => Op = op;

    public GoOp Op { get; }

    public int[] Runes { get; init; } = [];

    public bool Fold { get; init; }

    public List<(int Lo, int Hi)> Ranges { get; init; } = [];

    /// <summary>A negated class or one with Unicode properties: never within the digit sets.</summary>
    public bool Opaque { get; init; }

    public int Min { get; init; }

    public int Max { get; init; }

    public string? Name { get; init; }

    public List<GoRegexp> Subs { get; init; } = [];

    public static GoRegexp Empty() => new(GoOp.Empty);

    public static GoRegexp Lit(int[] runes, bool fold) => new(GoOp.Literal) { Runes = runes, Fold = fold };

    public bool Equal(GoRegexp other) =>
        Op == other.Op && Fold == other.Fold && Opaque == other.Opaque && Min == other.Min && Max == other.Max &&
        Name == other.Name && Runes.AsSpan().SequenceEqual(other.Runes) && Ranges.SequenceEqual(other.Ranges) &&
        Subs.Count == other.Subs.Count && Subs.Zip(other.Subs).All(p => p.First.Equal(p.Second));
}
