namespace LogMetrics.Language.Patterns;

/// <summary>The operators of Go's regexp/syntax that capture typing tells apart; the rest are Other.</summary>
internal enum GoOp
{
    Empty,
    Literal,
    Class,
    AnyChar,
    Star,
    Plus,
    Quest,
    Repeat,
    Concat,
    Alternate,
    Capture,
    Other,
}
