using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

internal sealed record NextStatementSyntax(SourceSpan Span) : StatementSyntax(Span);
