namespace LogMetrics.Language.Patterns;

/// <summary>The inline flags in effect while parsing.</summary>
[Flags]
internal enum RegexFlags
{
    None = 0,
    IgnoreCase = 1,
    Multiline = 2,
    DotAll = 4,
    Ungreedy = 8,
}
