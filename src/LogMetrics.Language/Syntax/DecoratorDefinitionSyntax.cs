using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`def NAME { ... next ... }`.</summary>
internal sealed record DecoratorDefinitionSyntax(SourceSpan Span, string Name, SourceSpan NameSpan, BlockSyntax Body) : StatementSyntax(Span);
