using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>One step of a field path: `.name` or `["key"]` (Key set), or `[3]` (Index set).</summary>
public sealed record FieldSelectorSyntax(SourceSpan Span, string? Key, long? Index);
