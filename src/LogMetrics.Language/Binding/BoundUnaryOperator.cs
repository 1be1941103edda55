namespace LogMetrics.Language.Binding;

public enum BoundUnaryOperator
{
    BitwiseNot,
    LogicalNot,
    Negate,
}
