using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

internal sealed record StopStatementSyntax(SourceSpan Span) : StatementSyntax(Span);
