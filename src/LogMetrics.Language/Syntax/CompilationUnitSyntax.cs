using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>A whole program file.</summary>
internal sealed record CompilationUnitSyntax(SourceSpan Span, IReadOnlyList<StatementSyntax> Statements) : SyntaxNode(Span);
