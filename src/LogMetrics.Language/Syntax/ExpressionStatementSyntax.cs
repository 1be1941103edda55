using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

internal sealed record ExpressionStatementSyntax(SourceSpan Span, ExpressionSyntax Expression) : StatementSyntax(Span);
