namespace LogMetrics.Language.Binding;

/// <summary>The static type of a bound expression; the order of the first four is mtail's coercion order.</summary>
public enum BoundType
{
    Bool,
    Int,
    Float,
    String,
    Pattern,
    None,
}
