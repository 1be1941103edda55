namespace LogMetrics.Language.Binding;

public enum BoundAssignmentOperator
{
    Assign,
    Add,
    Subtract,
    Increment,
    Decrement,
}
