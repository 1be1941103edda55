using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

public abstract record ExpressionSyntax(SourceSpan Span) : SyntaxNode(Span);
