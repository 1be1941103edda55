using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

public abstract record BoundStatement(SourceSpan Span) : BoundNode(Span);
