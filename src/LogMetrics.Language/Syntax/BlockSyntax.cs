using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`{ statements }`.</summary>
internal sealed record BlockSyntax(SourceSpan Span, IReadOnlyList<StatementSyntax> Statements) : SyntaxNode(Span);
