namespace LogMetrics.Language.Patterns;

/// <summary>What a sub-pattern says about literal text: every match is exactly <see cref="Exact"/> (when not null),
/// starts with <see cref="Prefix"/>, ends with <see cref="Suffix"/>, and contains <see cref="Best"/>.</summary>
internal readonly record struct LiteralInfo(string? Exact, string Prefix, string Suffix, string Best)
{
    public static readonly LiteralInfo Nothing = new(null, "", "", "");

    public static LiteralInfo Fixed(string text) => new(text, text, text, text);
}
