using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

internal abstract record StatementSyntax(SourceSpan Span) : SyntaxNode(Span);
