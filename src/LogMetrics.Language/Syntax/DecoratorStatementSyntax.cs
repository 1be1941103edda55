using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`@NAME { ... }`: the block runs where the decorator says `next`.</summary>
internal sealed record DecoratorStatementSyntax(SourceSpan Span, string Name, SourceSpan NameSpan, BlockSyntax Body) : StatementSyntax(Span);
