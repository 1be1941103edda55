using System.Globalization;
using LogMetrics.Language.Binding;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Runtime.Codegen;

internal sealed partial class ProgramCompiler
{
    internal Func<LineContext, long> Int(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundLiteralExpression literal:
                var constant = (long)literal.Value;
                return _ => constant;
            case BoundCaptureReference capture:
                var intError = new RepeatedMessage(text => RuntimeErrors.CaptureNotInt(text, capture.Field is not null, capture.Name));
                var intRead = Read(capture);
                return ctx =>
                {
                    var span = CaptureSpan(ctx, intRead);
                    if (long.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                    {
                        return value;
                    }

                    ctx.Fail(intError.For(span));
                    return 0;
                };
            case BoundMetricExpression metric:
                var series = SeriesOf(metric.Metric, metric.Keys, create: true);
                return ctx => series(ctx)?.IntValue ?? 0;
            case BoundConversionExpression conversion:
                switch (conversion.Operand.Type)
                {
                    case BoundType.Bool:
                        var b = Bool(conversion.Operand);
                        return ctx => b(ctx) ? 1 : 0;
                    case BoundType.Float:
                        var f = Float(conversion.Operand);
                        return ctx => (long)f(ctx);
                    default:
                        var s = Str(conversion.Operand);
                        return ctx =>
                        {
                            var text = s(ctx);
                            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                            {
                                return value;
                            }

                            ctx.Fail(RuntimeErrors.NotInt(text));
                            return 0;
                        };
                }

            case BoundIncrementExpression increment:
                var intUpdate = CompileAssignment(increment.Update);
                var intSeries = SeriesOf(increment.Update.Metric, increment.Update.Keys, create: true);
                return ctx => intUpdate(ctx) ? intSeries(ctx)?.IntValue ?? 0 : 0;
            case BoundMismatchedValueExpression mismatched:
                var floatValue = Float(mismatched.Operand);
                return ctx =>
                {
                    var value = floatValue(ctx);
                    ctx.Fail(RuntimeErrors.FloatIntoInt(value));
                    return 0;
                };
            case BoundUnaryExpression unary:
                var operand = Int(unary.Operand);
                return unary.Operator == BoundUnaryOperator.BitwiseNot ? ctx => ~operand(ctx) : ctx => -operand(ctx);
            case BoundBinaryExpression binary:
                return IntBinary(binary);
            case BoundCallExpression call:
                return IntCall(call);
            default:
                throw new InvalidOperationException($"Not an Int expression: {expression}");
        }
    }

    private static Func<LineContext, long> IntBinary(BoundBinaryExpression binary, ProgramCompiler compiler)
    {
        var l = compiler.Int(binary.Left);
        var r = compiler.Int(binary.Right);
        return binary.Operator switch
        {
            BoundBinaryOperator.Add => ctx => l(ctx) + r(ctx),
            BoundBinaryOperator.Subtract => ctx => l(ctx) - r(ctx),
            BoundBinaryOperator.Multiply => ctx => l(ctx) * r(ctx),
            BoundBinaryOperator.Divide => ctx =>
            {
                var a = l(ctx);
                var b = r(ctx);
                if (b == 0)
                {
                    ctx.Fail(RuntimeErrors.DivideByZero);
                    return 0;
                }

                return a / b;
            },
            BoundBinaryOperator.Modulo => ctx =>
            {
                var a = l(ctx);
                var b = r(ctx);
                if (b == 0)
                {
                    ctx.Fail(RuntimeErrors.DivideByZero);
                    return 0;
                }

                return a % b;
            },
            BoundBinaryOperator.Power => ctx => GoNumbers.IntPower(l(ctx), r(ctx)),
            BoundBinaryOperator.ShiftLeft => ctx => Shift(ctx, l(ctx), r(ctx), left: true),
            BoundBinaryOperator.ShiftRight => ctx => Shift(ctx, l(ctx), r(ctx), left: false),
            BoundBinaryOperator.BitwiseAnd => ctx => l(ctx) & r(ctx),
            BoundBinaryOperator.BitwiseOr => ctx => l(ctx) | r(ctx),
            _ => ctx => l(ctx) ^ r(ctx),
        };
    }

    private Func<LineContext, long> IntBinary(BoundBinaryExpression binary) => IntBinary(binary, this);

    private static long Shift(LineContext ctx, long value, long count, bool left)
    {
        if (count < 0)
        {
            ctx.Fail(RuntimeErrors.NegativeShift);
            return 0;
        }

        if (count >= 64)
        {
            return left || value >= 0 ? 0 : -1;
        }

        return left ? value << (int)count : value >> (int)count;
    }
}
