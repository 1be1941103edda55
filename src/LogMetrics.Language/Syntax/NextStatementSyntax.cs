using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

public sealed record NextStatementSyntax(SourceSpan Span) : StatementSyntax(Span);
