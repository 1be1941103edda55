using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

public abstract record StatementSyntax(SourceSpan Span) : SyntaxNode(Span);
