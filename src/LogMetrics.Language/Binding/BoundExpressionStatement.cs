using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

public sealed record BoundExpressionStatement(SourceSpan Span, BoundExpression Expression) : BoundStatement(Span);
