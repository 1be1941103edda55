namespace LogMetrics.Language.Time;

/// <summary>One element of a compiled layout: literal text, or a field with its digit count (for fractional seconds).</summary>
internal readonly record struct GoLayoutElement(GoLayoutElementKind Kind, string Literal = "", int Digits = 0);
