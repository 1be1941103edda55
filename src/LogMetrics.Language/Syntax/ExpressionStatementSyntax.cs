using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

public sealed record ExpressionStatementSyntax(SourceSpan Span, ExpressionSyntax Expression) : StatementSyntax(Span);
