using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`CONDITION { ... } [else { ... }]`.</summary>
internal sealed record ConditionalStatementSyntax(SourceSpan Span, ExpressionSyntax Condition, BlockSyntax Then, BlockSyntax? Else) : StatementSyntax(Span);
