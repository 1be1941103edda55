using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`name[k1][k2]` or `name[k1, k2]`, keys flattened in order.</summary>
internal sealed record IndexExpressionSyntax(SourceSpan Span, string Name, SourceSpan NameSpan, IReadOnlyList<ExpressionSyntax> Keys) : ExpressionSyntax(Span);
