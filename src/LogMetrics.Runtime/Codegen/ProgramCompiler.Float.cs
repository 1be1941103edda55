using System.Globalization;
using LogMetrics.Language.Binding;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Runtime.Codegen;

internal sealed partial class ProgramCompiler
{
    internal Func<LineContext, double> Float(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundLiteralExpression literal:
                var constant = literal.Value is long l ? l : (double)literal.Value;
                return _ => constant;
            case BoundCaptureReference capture:
                var floatError = new RepeatedMessage(text => RuntimeErrors.CaptureNotFloat(text, capture.Field is not null, capture.Name));
                var floatRead = Read(capture);
                return ctx =>
                {
                    var span = CaptureSpan(ctx, floatRead);
                    if (GoNumbers.TryParseFloat(span, out var value))
                    {
                        return value;
                    }

                    ctx.Fail(floatError.For(span));
                    return 0;
                };
            case BoundMetricExpression metric:
                var series = SeriesOf(metric.Metric, metric.Keys, create: true);
                return ctx => series(ctx)?.FloatValue ?? 0;
            case BoundConversionExpression conversion:
                switch (conversion.Operand.Type)
                {
                    case BoundType.Bool:
                        var b = Bool(conversion.Operand);
                        return ctx => b(ctx) ? 1 : 0;
                    case BoundType.Int when conversion.Operand is BoundCaptureReference capture:
                        // An Int capture read as Float parses straight to double.
                        return Float(capture with { Type = BoundType.Float });
                    case BoundType.Int:
                        var i = Int(conversion.Operand);
                        return ctx => i(ctx);
                    default:
                        var s = Str(conversion.Operand);
                        return ctx =>
                        {
                            var text = s(ctx);
                            if (GoNumbers.TryParseFloat(text, out var value))
                            {
                                return value;
                            }

                            ctx.Fail(RuntimeErrors.NotFloat(text));
                            return 0;
                        };
                }

            case BoundIncrementExpression increment:
                var floatUpdate = CompileAssignment(increment.Update);
                var floatSeries = SeriesOf(increment.Update.Metric, increment.Update.Keys, create: true);
                return ctx => floatUpdate(ctx) ? floatSeries(ctx)?.FloatValue ?? 0 : 0;

            case BoundCallExpression call:
                return FloatCall(call);
            case BoundMismatchedValueExpression mismatched:
                var intValue = Int(mismatched.Operand);
                return ctx =>
                {
                    var value = intValue(ctx);
                    ctx.Fail(RuntimeErrors.IntIntoFloat(value));
                    return 0;
                };
            case BoundUnaryExpression unary:
                var operand = Float(unary.Operand);
                return ctx => -operand(ctx);
            case BoundBinaryExpression binary:
                var lf = Float(binary.Left);
                var rf = Float(binary.Right);
                return binary.Operator switch
                {
                    BoundBinaryOperator.Add => ctx => lf(ctx) + rf(ctx),
                    BoundBinaryOperator.Subtract => ctx => lf(ctx) - rf(ctx),
                    BoundBinaryOperator.Multiply => ctx => lf(ctx) * rf(ctx),
                    BoundBinaryOperator.Divide => ctx => lf(ctx) / rf(ctx),
                    BoundBinaryOperator.Modulo => ctx => lf(ctx) % rf(ctx),
                    _ => ctx => Math.Pow(lf(ctx), rf(ctx)),
                };
            default:
                throw new InvalidOperationException($"Not a Float expression: {expression}");
        }
    }
}
