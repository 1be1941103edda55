using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>`cond { } else { }`; an `otherwise` block is one with a null Condition.</summary>
public sealed record BoundConditionalStatement(SourceSpan Span, BoundExpression? Condition, BoundBlock Then, BoundBlock? Else) : BoundStatement(Span);
