namespace LogMetrics.Language.Patterns;

/// <summary>The kinds of node in the small regex syntax tree that the translator builds.</summary>
internal enum RegexNodeKind
{
    Empty,
    Literal,
    Class,
    AnyChar,
    Assertion,
    Flags,
    Concat,
    Alternate,
    Repeat,
    Capture,
    Group,
    Lookaround,
    GrokExpansion,
}
