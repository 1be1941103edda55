using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

public sealed record StopStatementSyntax(SourceSpan Span) : StatementSyntax(Span);
