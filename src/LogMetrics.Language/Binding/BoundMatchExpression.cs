using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>Matches Subject (null: the current line) against a pattern; the match is kept for its captures.</summary>
public sealed record BoundMatchExpression(SourceSpan Span, BoundExpression? Subject, BoundPattern Pattern, bool Negated) : BoundExpression(Span, BoundType.Bool);
