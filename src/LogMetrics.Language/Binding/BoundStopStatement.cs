using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

public sealed record BoundStopStatement(SourceSpan Span) : BoundStatement(Span);
