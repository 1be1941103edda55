using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>One step of a field path: `.name` or `["key"]` (Key set), or `[3]` (Index set).</summary>
internal sealed record FieldSelectorSyntax(SourceSpan Span, string? Key, long? Index);
