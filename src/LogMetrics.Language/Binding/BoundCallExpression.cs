using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Time;

namespace LogMetrics.Language.Binding;

/// <summary>A builtin call. Strptime carries its compiled Layout; Subst with a regex carries its Pattern.</summary>
public sealed record BoundCallExpression(SourceSpan Span, BoundType Type, Builtin Function, IReadOnlyList<BoundExpression> Arguments) : BoundExpression(Span, Type)
{
    public GoTimeLayout? Layout { get; init; }

    public BoundPattern? Pattern { get; init; }
}
