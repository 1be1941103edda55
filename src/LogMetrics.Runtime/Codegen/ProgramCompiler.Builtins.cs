using System.Text;
using System.Text.RegularExpressions;
using LogMetrics.Language.Binding;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Runtime.Codegen;

internal sealed partial class ProgramCompiler
{
    /// <summary>
    /// A call's closure, typed by the builtin's result: Func&lt;LineContext, long&gt; (Int), double (Float), string (String),
    /// or Action&lt;LineContext&gt; (no value). Every builtin has its arm and there is no default one, so the compiler
    /// rejects a builtin added to the enum without its code here (CS8509).
    /// </summary>
    private Delegate Call(BoundCallExpression call) => call.Function switch
    {
        Builtin.Basename => Basename(call),
        Builtin.GetFilename => (Func<LineContext, string>)(static ctx => ctx.Source),
        Builtin.Gsub => Gsub(call),
        Builtin.Len => Len(call),
        Builtin.Parsetime => ParseTime(call),
        Builtin.Settime => Settime(call),
        Builtin.Strptime => Strptime(call),
        Builtin.Strtol => Strtol(call),
        Builtin.Subst => Subst(call),
        Builtin.Timestamp => (Func<LineContext, long>)(static ctx => GoNumbers.FloorDiv(ctx.StampMs, 1000)),
        Builtin.Tolower => Tolower(call),
        Builtin.Fail => Fail(call),
        Builtin.Bool or Builtin.Float or Builtin.Int or Builtin.String =>
            throw new InvalidOperationException($"{call.Function} is bound as a conversion, not a call"),
    };

    private Func<LineContext, long> IntCall(BoundCallExpression call) => (Func<LineContext, long>)Call(call);

    private Func<LineContext, double> FloatCall(BoundCallExpression call) => (Func<LineContext, double>)Call(call);

    private Func<LineContext, string> StrCall(BoundCallExpression call) => (Func<LineContext, string>)Call(call);

    private Action<LineContext> EffectCall(BoundCallExpression call) => (Action<LineContext>)Call(call);

    // len(s): the length of s in bytes of UTF-8, as Go's len.
    private Func<LineContext, long> Len(BoundCallExpression call)
    {
        var s = Str(call.Arguments[0]);
        return ctx => Encoding.UTF8.GetByteCount(s(ctx));
    }

    private Func<LineContext, long> Strtol(BoundCallExpression call)
    {
        var text = Str(call.Arguments[0]);
        var numberBase = Int(call.Arguments[1]);
        return ctx => Strtol(ctx, text(ctx), numberBase(ctx));
    }

    private static long Strtol(LineContext ctx, string text, long numberBase)
    {
        if (numberBase is < 2 or > 36)
        {
            ctx.Fail(RuntimeErrors.StrtolBase(numberBase));
            return 0;
        }

        var span = text.AsSpan();
        var negative = false;
        if (span.Length > 0 && (span[0] == '-' || span[0] == '+'))
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.Length == 0)
        {
            ctx.Fail(RuntimeErrors.NotInt(text));
            return 0;
        }

        long value = 0;
        foreach (var c in span)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= numberBase)
            {
                ctx.Fail(RuntimeErrors.NotInt(text));
                return 0;
            }

            value = checked(value * numberBase + digit);
        }

        return negative ? -value : value;
    }

    private Func<LineContext, string> Tolower(BoundCallExpression call)
    {
        var s = Str(call.Arguments[0]);
        return ctx => GoStrings.ToLower(s(ctx));
    }

    private Func<LineContext, string> Basename(BoundCallExpression call)
    {
        var path = Str(call.Arguments[0]);
        return ctx => Basename(path(ctx));
    }

    // subst(old, new, s): every occurrence of old replaced; with a regex for old, every match (new taken literally).
    private Func<LineContext, string> Subst(BoundCallExpression call)
    {
        var replacement = Str(call.Arguments[1]);
        var value = Str(call.Arguments[2]);
        if (call.Pattern is { } pattern)
        {
            var regex = _regexes[pattern.Slot];
            return ctx =>
            {
                var literal = replacement(ctx).Replace("$", "$$", StringComparison.Ordinal);
                try
                {
                    return regex.Replace(value(ctx), literal);
                }
                catch (RegexMatchTimeoutException)
                {
                    ctx.Fail(RuntimeErrors.RegexTimedOut(pattern.Text));
                    return "";
                }
            };
        }

        var old = Str(call.Arguments[0]);
        return ctx =>
        {
            var o = old(ctx);
            var v = value(ctx);
            return o.Length == 0 ? v : v.Replace(o, replacement(ctx), StringComparison.Ordinal);
        };
    }

    // gsub(s, /re/, repl): every match replaced; $1, ${1} and ${name} in repl refer to the match's groups.
    private Func<LineContext, string> Gsub(BoundCallExpression call)
    {
        var source = Str(call.Arguments[0]);
        var replacement = Str(call.Arguments[2]);
        var pattern = call.Pattern!;
        var regex = _regexes[pattern.Slot];
        var template = new ReplacementTemplate(pattern.Translation.Groups);
        return ctx =>
        {
            try
            {
                var text = replacement(ctx);
                return regex.Replace(source(ctx), match => template.Expand(match, text));
            }
            catch (RegexMatchTimeoutException)
            {
                ctx.Fail(RuntimeErrors.RegexTimedOut(pattern.Text));
                return "";
            }
        };
    }

    /// <summary>Go's filepath.Base on Unix: the last element, trailing slashes dropped; "" gives "." and "///" gives "/".</summary>
    internal static string Basename(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return "/";
        }

        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    // parsetime(s, "layout"): Unix seconds (with the fraction) of a time parsed as strptime parses it.
    private Func<LineContext, double> ParseTime(BoundCallExpression call)
    {
        var text = Str(call.Arguments[0]);
        var layout = call.Layout!;
        var zone = _options.TimeZone;
        var currentYear = _options.SyslogUseCurrentYear;
        return ctx =>
        {
            var value = text(ctx);
            if (ctx.Error is not null)
            {
                return 0;
            }

            if (!layout.TryParseUnix(value, zone, currentYear, DateTimeOffset.FromUnixTimeMilliseconds(ctx.ReadTimeMs), out var seconds, out var nanoseconds))
            {
                ctx.Fail(RuntimeErrors.ParsetimeFailed(value, layout.Layout));
                return 0;
            }

            return seconds + (nanoseconds / 1e9);
        };
    }

    // settime(seconds): the line's time.
    // fail("text"): the program's own runtime error, e.g. a value it refuses.
    private Action<LineContext> Fail(BoundCallExpression call)
    {
        var message = Str(call.Arguments[0]);
        return ctx => ctx.Fail(RuntimeErrors.Failed(message(ctx)));
    }

    private Action<LineContext> Settime(BoundCallExpression call)
    {
        var seconds = Int(call.Arguments[0]);
        return ctx =>
        {
            var value = seconds(ctx);
            ctx.TimeMs = value * 1000;
            ctx.HasTime = true;
        };
    }

    // strptime(s, "layout"): the line's time, parsed from s.
    private Action<LineContext> Strptime(BoundCallExpression call)
    {
        var text = Str(call.Arguments[0]);
        // An Int capture is parsed as the digits it matched (mtail passes "" here: a bug we do not copy).
        var capture = RawCaptureOfAnyType(call.Arguments[0]) is { } raw ? Read(raw) : null;
        var layout = call.Layout!;
        var cache = new StrptimeCache(layout, _options.TimeZone, _options.SyslogUseCurrentYear);
        return ctx =>
        {
            // A capture is read as a span: consecutive lines mostly repeat the last timestamp, so usually nothing is allocated.
            string? value = null;
            ReadOnlySpan<char> span;
            if (capture is not null)
            {
                span = CaptureSpan(ctx, capture);
            }
            else
            {
                value = text(ctx);
                if (ctx.Error is not null)
                {
                    return;
                }

                span = value;
            }

            if (!cache.TryParse(span, value, ctx.ReadTimeMs, out var ms))
            {
                ctx.Fail(RuntimeErrors.StrptimeFailed(value ?? span.ToString(), layout.Layout));
                return;
            }

            ctx.TimeMs = ms;
            ctx.HasTime = true;
        };
    }
}
