namespace LogMetrics.Language.Patterns;

/// <summary>Which syntax a pattern is written in: RE2 (user regexes) or Oniguruma (grok library definitions).</summary>
internal enum RegexDialect
{
    Re2,
    Grok,
}
