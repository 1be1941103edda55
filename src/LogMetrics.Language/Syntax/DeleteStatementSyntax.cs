using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`del metric[keys] [after DURATION]`.</summary>
internal sealed record DeleteStatementSyntax(SourceSpan Span, ExpressionSyntax Target, TimeSpan? After, SourceSpan? AfterSpan) : StatementSyntax(Span);
