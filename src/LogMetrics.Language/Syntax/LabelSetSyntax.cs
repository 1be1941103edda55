using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>One `init` label set: the values as label text.</summary>
internal sealed record LabelSetSyntax(SourceSpan Span, IReadOnlyList<string> Values) : SyntaxNode(Span);
