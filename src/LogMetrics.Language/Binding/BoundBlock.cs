using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

public sealed record BoundBlock(SourceSpan Span, IReadOnlyList<BoundStatement> Statements) : BoundStatement(Span);
