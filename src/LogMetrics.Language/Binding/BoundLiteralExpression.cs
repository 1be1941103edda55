using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>A constant: Value is a long, double, string or bool matching Type.</summary>
public sealed record BoundLiteralExpression(SourceSpan Span, BoundType Type, object Value) : BoundExpression(Span, Type);
