using LogMetrics.Language.Binding;

namespace LogMetrics.Runtime;

/// <summary>Told what a program does while it runs a line; only `explain` compiles a program with one.</summary>
internal interface IExecutionTracer
{
    void Entering(BoundStatement statement);

    /// <summary>The statement is done; <paramref name="go"/> false means the program stopped (stop, or an error).</summary>
    void Left(BoundStatement statement, bool go, string? error);

    void Condition(BoundConditionalStatement conditional, bool value, string? error);

    void Matched(BoundMatchExpression match, bool value, string? error);
}
