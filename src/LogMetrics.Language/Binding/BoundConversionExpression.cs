using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Binding;

/// <summary>Converts Operand to Type (implicit coercion or int()/float()/string()/bool()).</summary>
public sealed record BoundConversionExpression(SourceSpan Span, BoundType Type, BoundExpression Operand) : BoundExpression(Span, Type);
