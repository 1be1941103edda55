using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`const NAME /re/ [+ ...]`: a named pattern fragment.</summary>
internal sealed record ConstDeclarationSyntax(SourceSpan Span, string Name, SourceSpan NameSpan, ExpressionSyntax Value) : StatementSyntax(Span);
