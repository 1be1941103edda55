using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

public abstract record BoundExpression(SourceSpan Span, BoundType Type) : BoundNode(Span);
