using System.Text;
using System.Text.RegularExpressions;
using LogMetrics.Language.Binding;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Runtime.Codegen;

internal sealed partial class ProgramCompiler
{
    private Func<LineContext, long> IntCall(BoundCallExpression call)
    {
        switch (call.Function)
        {
            case Builtin.Timestamp:
                return ctx => FloorDiv(ctx.StampMs, 1000);
            case Builtin.Len:
                var s = Str(call.Arguments[0]);
                return ctx => Encoding.UTF8.GetByteCount(s(ctx));
            default:
                var text = Str(call.Arguments[0]);
                var numberBase = Int(call.Arguments[1]);
                return ctx => Strtol(ctx, text(ctx), numberBase(ctx));
        }
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long Strtol(LineContext ctx, string text, long numberBase)
    {
        if (numberBase is < 2 or > 36)
        {
            ctx.Fail($"strtol: invalid base {numberBase}");
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
            ctx.Fail($"strconv.ParseInt: parsing \"{text}\": invalid syntax");
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
                ctx.Fail($"strconv.ParseInt: parsing \"{text}\": invalid syntax");
                return 0;
            }

            value = checked(value * numberBase + digit);
        }

        return negative ? -value : value;
    }


    private Func<LineContext, string> StrCall(BoundCallExpression call)
    {
        switch (call.Function)
        {
            case Builtin.GetFilename:
                return ctx => ctx.Source;
            case Builtin.Tolower:
                var s = Str(call.Arguments[0]);
                return ctx => GoStrings.ToLower(s(ctx));
            case Builtin.Basename:
                var path = Str(call.Arguments[0]);
                return ctx => Basename(path(ctx));
            case Builtin.Gsub:
                return Gsub(call);
            default:
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
                            ctx.Fail($"regex match timed out: /{pattern.Text}/");
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
                ctx.Fail($"regex match timed out: /{pattern.Text}/");
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
                ctx.Fail($"parsetime: cannot parse \"{value}\" as \"{layout.Layout}\"");
                return 0;
            }

            return seconds + (nanoseconds / 1e9);
        };
    }

    private Action<LineContext> Call(BoundCallExpression call)
    {
        if (call.Function == Builtin.Settime)
        {
            var seconds = Int(call.Arguments[0]);
            return ctx =>
            {
                var value = seconds(ctx);
                ctx.TimeMs = value * 1000;
                ctx.HasTime = true;
            };
        }

        var text = Str(call.Arguments[0]);
        // An Int capture is parsed as the digits it matched (mtail passes "" here: a bug we do not copy).
        var capture = RawCaptureOfAnyType(call.Arguments[0]) is { } raw ? Read(raw) : null;
        var layout = call.Layout!;
        var zone = _options.TimeZone;
        var currentYear = _options.SyslogUseCurrentYear;
        var cache = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        string? lastValue = null;
        long lastMs = 0;
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

            long ms;
            if (lastValue is not null && span.SequenceEqual(lastValue))
            {
                ms = lastMs;
            }
            else if (lookup.TryGetValue(span, out var key, out ms))
            {
                lastValue = key;
                lastMs = ms;
            }
            else
            {
                // Memoised like mtail, but only successes: a failure is reported every time.
                value ??= span.ToString();
                if (!TryParseTime(layout, value, zone, currentYear, ctx.ReadTimeMs, out ms))
                {
                    ctx.Fail($"strptime: cannot parse \"{value}\" as \"{layout.Layout}\"");
                    return;
                }

                if (cache.Count >= 64)
                {
                    cache.Clear();
                }

                cache[value] = ms;
                lastValue = value;
                lastMs = ms;
            }

            ctx.TimeMs = ms;
            ctx.HasTime = true;
        };
    }

    /// <summary>Parses as Go's time.Parse does; a yearless value is year 0 unless the current year is added.</summary>
    private static bool TryParseTime(LogMetrics.Language.Time.GoTimeLayout layout, string value, TimeZoneInfo zone, bool currentYear, long readTimeMs, out long ms)
    {
        if (!layout.TryParseUnix(value, zone, currentYear, DateTimeOffset.FromUnixTimeMilliseconds(readTimeMs), out var seconds, out var nanoseconds))
        {
            ms = 0;
            return false;
        }

        ms = (seconds * 1000) + (nanoseconds / 1_000_000);
        return true;
    }
}
