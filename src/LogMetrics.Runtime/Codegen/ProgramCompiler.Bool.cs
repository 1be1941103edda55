using System.Text.RegularExpressions;
using LogMetrics.Language.Binding;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Runtime.Codegen;

internal sealed partial class ProgramCompiler
{
    internal Func<LineContext, bool> Bool(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundLiteralExpression literal:
                var constant = (bool)literal.Value;
                return _ => constant;
            case BoundMatchExpression match:
                return Match(match);
            case BoundStructuredMatchExpression structured:
                return StructuredMatch(structured);
            case BoundCaptureReference { Field: not null } field:
                var fieldRead = Read(field);
                return ctx =>
                {
                    var text = CaptureSpan(ctx, fieldRead);
                    if (text.SequenceEqual("true"))
                    {
                        return true;
                    }

                    if (!text.SequenceEqual("false") && ctx.Error is null)
                    {
                        ctx.Fail(RuntimeErrors.FieldNotBoolean(fieldRead.Field, text));
                    }

                    return false;
                };
            case BoundDynamicMatchExpression dynamic:
                return DynamicMatch(dynamic);
            case BoundDefinedExpression defined:
                var reference = Read(new BoundCaptureReference(defined.Span, BoundType.String, "", defined.Slot, defined.Groups) { Field = defined.Field });
                return ctx => TryCapture(ctx, reference, out _);
            case BoundUnaryExpression { Operator: BoundUnaryOperator.LogicalNot } not:
                var operand = Bool(not.Operand);
                return ctx => !operand(ctx);
            case BoundConversionExpression conversion:
                switch (conversion.Operand.Type)
                {
                    case BoundType.Int:
                        var i = Int(conversion.Operand);
                        return ctx => i(ctx) != 0;
                    case BoundType.Float:
                        var f = Float(conversion.Operand);
                        return ctx => f(ctx) != 0;
                    default:
                        var s = Str(conversion.Operand);
                        return ctx => s(ctx).Length > 0;
                }

            case BoundBinaryExpression binary:
                return BoolBinary(binary);
            default:
                throw new InvalidOperationException($"Not a Bool expression: {expression}");
        }
    }

    private Func<LineContext, bool> BoolBinary(BoundBinaryExpression binary)
    {
        var op = binary.Operator;
        if (op == BoundBinaryOperator.LogicalAnd || op == BoundBinaryOperator.LogicalOr)
        {
            var l = Bool(binary.Left);
            var r = Bool(binary.Right);
            return op == BoundBinaryOperator.LogicalAnd ? ctx => l(ctx) && r(ctx) : ctx => l(ctx) || r(ctx);
        }

        switch (binary.Left.Type)
        {
            case BoundType.Int:
                var li = Int(binary.Left);
                var ri = Int(binary.Right);
                return op switch
                {
                    BoundBinaryOperator.Less => ctx => li(ctx) < ri(ctx),
                    BoundBinaryOperator.LessOrEqual => ctx => li(ctx) <= ri(ctx),
                    BoundBinaryOperator.Greater => ctx => li(ctx) > ri(ctx),
                    BoundBinaryOperator.GreaterOrEqual => ctx => li(ctx) >= ri(ctx),
                    BoundBinaryOperator.Equal => ctx => li(ctx) == ri(ctx),
                    _ => ctx => li(ctx) != ri(ctx),
                };
            case BoundType.Float:
                var lf = Float(binary.Left);
                var rf = Float(binary.Right);
                return op switch
                {
                    BoundBinaryOperator.Less => ctx => lf(ctx) < rf(ctx),
                    BoundBinaryOperator.LessOrEqual => ctx => lf(ctx) <= rf(ctx),
                    BoundBinaryOperator.Greater => ctx => lf(ctx) > rf(ctx),
                    BoundBinaryOperator.GreaterOrEqual => ctx => lf(ctx) >= rf(ctx),
                    BoundBinaryOperator.Equal => ctx => lf(ctx) == rf(ctx),
                    _ => ctx => lf(ctx) != rf(ctx),
                };
            case BoundType.Bool:
                var lb = Bool(binary.Left);
                var rb = Bool(binary.Right);
                return op == BoundBinaryOperator.Equal ? ctx => lb(ctx) == rb(ctx) : ctx => lb(ctx) != rb(ctx);
            default:
                // A raw capture compared with a literal compares spans without allocating.
                if (RawCapture(binary.Left) is { } capture && binary.Right is BoundLiteralExpression { Value: string text }
                    && op is BoundBinaryOperator.Equal or BoundBinaryOperator.NotEqual)
                {
                    var equal = op == BoundBinaryOperator.Equal;
                    var read = Read(capture);
                    return ctx => CaptureSpan(ctx, read).SequenceEqual(text) == equal;
                }

                var ls = Str(binary.Left);
                var rs = Str(binary.Right);
                return op switch
                {
                    BoundBinaryOperator.Less => ctx => string.CompareOrdinal(ls(ctx), rs(ctx)) < 0,
                    BoundBinaryOperator.LessOrEqual => ctx => string.CompareOrdinal(ls(ctx), rs(ctx)) <= 0,
                    BoundBinaryOperator.Greater => ctx => string.CompareOrdinal(ls(ctx), rs(ctx)) > 0,
                    BoundBinaryOperator.GreaterOrEqual => ctx => string.CompareOrdinal(ls(ctx), rs(ctx)) >= 0,
                    BoundBinaryOperator.Equal => ctx => string.Equals(ls(ctx), rs(ctx), StringComparison.Ordinal),
                    _ => ctx => !string.Equals(ls(ctx), rs(ctx), StringComparison.Ordinal),
                };
        }
    }
}
