using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`*` as a key: any value (only in `del m[...]`).</summary>
internal sealed record WildcardExpressionSyntax(SourceSpan Span) : ExpressionSyntax(Span);
