using System.Globalization;
using LogMetrics.Language.Binding;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Runtime.Codegen;

internal sealed partial class ProgramCompiler
{
    internal Func<LineContext, string> Str(BoundExpression expression)
    {
        if (RawCapture(expression) is { } capture)
        {
            var read = Read(capture);
            return ctx => CaptureSpan(ctx, read).ToString();
        }

        switch (expression)
        {
            case BoundLiteralExpression literal:
                var constant = (string)literal.Value;
                return _ => constant;
            case BoundMetricExpression metric:
                var series = SeriesOf(metric.Metric, metric.Keys, create: true);
                return ctx => series(ctx)?.TextValue ?? "";
            case BoundConversionExpression conversion:
                switch (conversion.Operand.Type)
                {
                    case BoundType.Bool:
                        var b = Bool(conversion.Operand);
                        return ctx => b(ctx) ? "true" : "false";
                    case BoundType.Int:
                        var i = Int(conversion.Operand);
                        return ctx => i(ctx).ToString(CultureInfo.InvariantCulture);
                    default:
                        var f = Float(conversion.Operand);
                        return ctx => GoFloatFormatter.FormatG(f(ctx));
                }

            case BoundBinaryExpression binary:
                var l = Str(binary.Left);
                var r = Str(binary.Right);
                return ctx => string.Concat(l(ctx), r(ctx));
            case BoundCallExpression call:
                return StrCall(call);
            default:
                throw new InvalidOperationException($"Not a String expression: {expression}");
        }
    }
}
