using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>A node of the syntax tree: immutable, with the span of the text it came from.</summary>
internal abstract record SyntaxNode(SourceSpan Span);
