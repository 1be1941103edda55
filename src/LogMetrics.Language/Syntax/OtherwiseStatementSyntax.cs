using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`otherwise { ... }`: runs when no earlier conditional of the same block ran.</summary>
internal sealed record OtherwiseStatementSyntax(SourceSpan Span, BlockSyntax Body) : StatementSyntax(Span);
