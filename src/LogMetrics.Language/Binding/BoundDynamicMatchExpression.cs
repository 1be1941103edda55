using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Binding;

/// <summary>`s =~ expr` with a String expression on the right, compiled as a regex when the line runs
/// (mtail compiles it to an empty pattern that always matches). It brings no captures into scope.</summary>
public sealed record BoundDynamicMatchExpression(SourceSpan Span, BoundExpression Subject, BoundExpression Pattern, bool Negated, GrokLibrary Grok)
    : BoundExpression(Span, BoundType.Bool);
