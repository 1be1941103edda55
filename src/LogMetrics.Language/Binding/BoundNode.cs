using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>A node of the bound tree: names resolved, types known, conversions explicit.</summary>
public abstract record BoundNode(SourceSpan Span);
