using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`{ statements }`.</summary>
public sealed record BlockSyntax(SourceSpan Span, IReadOnlyList<StatementSyntax> Statements) : SyntaxNode(Span);
