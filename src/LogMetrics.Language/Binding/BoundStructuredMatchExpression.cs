using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>Decodes Subject (null: the current line) with a structured pattern; true when it decodes.</summary>
public sealed record BoundStructuredMatchExpression(SourceSpan Span, BoundExpression? Subject, BoundStructuredPattern Pattern, bool Negated)
    : BoundExpression(Span, BoundType.Bool);
