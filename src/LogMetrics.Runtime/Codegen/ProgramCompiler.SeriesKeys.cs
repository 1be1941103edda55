using LogMetrics.Language.Binding;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Runtime.Codegen;

internal sealed partial class ProgramCompiler
{
    /// <summary>Finds (or creates) the series addressed by a metric and its keys; null when the limit drops it or on error.</summary>
    private Func<LineContext, Series?> SeriesOf(MetricSymbol metric, IReadOnlyList<BoundExpression> keys, bool create)
    {
        var family = _families[metric];
        if (keys.Count == 0)
        {
            return _ => family.Scalar;
        }

        var writers = keys.Select(KeyWriter).ToArray();
        return ctx =>
        {
            var labels = ctx.RentLabels();
            try
            {
                if (!WriteKey(ctx, writers, labels))
                {
                    return null;
                }

                return create ? family.GetOrAdd(labels) : family.Find(labels);
            }
            finally
            {
                ctx.ReturnLabels();
            }
        };
    }

    /// <summary>Writes a metric's key into a rented label buffer; false when a key expression failed (ctx.Error).</summary>
    private static bool WriteKey(LineContext ctx, Action<LineContext, LabelValuesBuilder>[] writers, LabelValuesBuilder labels)
    {
        foreach (var writer in writers)
        {
            writer(ctx, labels);
        }

        return ctx.Error is null;
    }

    private Action<LineContext, LabelValuesBuilder> KeyWriter(BoundExpression key)
    {
        if (RawCapture(key) is { } capture)
        {
            var read = Read(capture);
            return (ctx, labels) => labels.Add(CaptureSpan(ctx, read));
        }

        switch (key.Type)
        {
            case BoundType.Int when key is BoundCaptureReference intCapture:
                // Digits already written as the number would be are the key as they are; anything else ("+5", "007",
                // not a number) takes the full conversion, with its runtime error.
                var parse = Int(key);
                var intRead = Read(intCapture);
                return (ctx, labels) =>
                {
                    var span = CaptureSpan(ctx, intRead);
                    if (IsCanonicalInt(span))
                    {
                        labels.Add(span);
                    }
                    else
                    {
                        labels.Add(parse(ctx));
                    }
                };
            case BoundType.Int:
                var i = Int(key);
                return (ctx, labels) => labels.Add(i(ctx));
            case BoundType.Float:
                var f = Float(key);
                return (ctx, labels) => labels.Add(f(ctx));
            case BoundType.Bool:
                var b = Bool(key);
                return (ctx, labels) => labels.Add(b(ctx) ? "true" : "false");
            default:
                var s = Str(key);
                return (ctx, labels) => labels.Add(s(ctx));
        }
    }

    /// <summary>True when <paramref name="text"/> is an integer exactly as <see cref="long"/> formats it: no sign but a
    /// minus, no leading zero, and few enough digits that it cannot overflow.</summary>
    internal static bool IsCanonicalInt(ReadOnlySpan<char> text)
    {
        var digits = text.Length > 0 && text[0] == '-' ? text[1..] : text;
        if (digits.Length is 0 or > 18 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        return digits[0] != '0' || (digits.Length == 1 && text.Length == 1);
    }
}
