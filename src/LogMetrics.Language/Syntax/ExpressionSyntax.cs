using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

internal abstract record ExpressionSyntax(SourceSpan Span) : SyntaxNode(Span);
