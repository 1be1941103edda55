using System.Text.RegularExpressions;
using LogMetrics.Language.Binding;
using LogMetrics.Runtime.Execution;
using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Codegen;

internal sealed partial class ProgramCompiler
{
    private Func<LineContext, bool> Match(BoundMatchExpression match)
    {
        var compiled = MatchCore(match);
        if (_tracer is not { } tracer)
        {
            return compiled;
        }

        return ctx =>
        {
            var value = compiled(ctx);
            tracer.Matched(match, value, ctx.Error);
            return value;
        };
    }

    private Func<LineContext, bool> MatchCore(BoundMatchExpression match)
    {
        var slot = match.Pattern.Slot;
        var regex = _regexes[slot];
        var literal = _literals[slot];
        var negated = match.Negated;
        if (_alwaysMatches[slot])
        {
            var empty = _emptyMatch;
            var subjectEffect = match.Subject is null ? null : Str(match.Subject);
            return ctx =>
            {
                // The subject still runs (for its errors); the pattern matches whatever it yields.
                subjectEffect?.Invoke(ctx);
                ctx.SetMatch(slot, empty, null);
                ctx.LineMatched = true;
                return !negated;
            };
        }

        if (match.Subject is null)
        {
            var prefilter = literal is null ? null : new LiteralPrefilter(literal);
            var simple = _simple[slot];
            var simpleGroups = simple?.Groups ?? 0;
            return ctx =>
            {
                if (ctx.Prematch is { } prematch && prematch.Slot == slot)
                {
                    switch (prematch.TryTake(ctx.LineIndex, out var spanBase))
                    {
                        case Prematcher.Outcome.NoMatch:
                            return negated;
                        case Prematcher.Outcome.Matched:
                            ctx.SetSpans(slot, prematch.Spans, spanBase, prematch.Groups);
                            ctx.LineMatched = true;
                            return !negated;
                    }
                }

                if (prefilter is not null && prefilter.Rejects(ctx.Line))
                {
                    return negated;
                }

                if (simple is not null)
                {
                    var spans = ctx.Scratch(slot, 2 * simpleGroups);
                    switch (simple.Match(ctx.Text, ctx.Start, ctx.Length, spans))
                    {
                        case SimpleMatchResult.Matched:
                            ctx.SetSpans(slot, spans, 0, simpleGroups);
                            ctx.LineMatched = true;
                            return !negated;
                        case SimpleMatchResult.NoMatch:
                            return negated;
                    }
                }

                try
                {
                    var m = regex.Match(ctx.Text, ctx.Start, ctx.Length);
                    if (m.Success)
                    {
                        ctx.SetMatch(slot, m, regex);
                        ctx.LineMatched = true;
                        return !negated;
                    }

                    return negated;
                }
                catch (RegexMatchTimeoutException)
                {
                    ctx.Fail(RuntimeErrors.RegexTimedOut(match.Pattern.Text));
                    return false;
                }
            };
        }

        var subject = Str(match.Subject);
        return ctx =>
        {
            var text = subject(ctx);
            if (literal is not null && !text.Contains(literal, StringComparison.Ordinal))
            {
                return negated;
            }

            try
            {
                var m = regex.Match(text);
                if (m.Success)
                {
                    ctx.SetMatch(slot, m, regex);
                    ctx.LineMatched = true;
                    return !negated;
                }

                return negated;
            }
            catch (RegexMatchTimeoutException)
            {
                ctx.Fail(RuntimeErrors.RegexTimedOut(match.Pattern.Text));
                return false;
            }
        };
    }

    /// <summary>A json or logfmt pattern: decodes the line (or the subject) into the pattern's fields.</summary>
    private Func<LineContext, bool> StructuredMatch(BoundStructuredMatchExpression match)
    {
        var slot = match.Pattern.Slot;
        var decoder = _decoders[slot];
        var negated = match.Negated;
        var subject = match.Subject is null ? null : Str(match.Subject);
        return ctx =>
        {
            var fields = ctx.Fields[slot];
            bool decoded;
            if (subject is null)
            {
                decoded = decoder.Decode(ctx.Line, fields);
            }
            else
            {
                var text = subject(ctx);
                if (ctx.Error is not null)
                {
                    return false;
                }

                decoded = decoder.Decode(text, fields);
            }

            if (!decoded)
            {
                ctx.Undecoded = true;
                return negated;
            }

            ctx.LineMatched = true;
            return !negated;
        };
    }

    private Func<LineContext, bool> DynamicMatch(BoundDynamicMatchExpression match)
    {
        var subject = Str(match.Subject);
        var pattern = Str(match.Pattern);
        var negated = match.Negated;
        var cache = new DynamicRegexCache(match.Grok, _options.MatchTimeout);
        return ctx =>
        {
            var text = subject(ctx);
            var patternText = pattern(ctx);
            if (ctx.Error is not null)
            {
                return false;
            }

            var regex = cache.Get(patternText, out var error);
            if (regex is null)
            {
                ctx.Fail(RuntimeErrors.InvalidRegex(patternText, error));
                return false;
            }

            try
            {
                if (regex.Match(text).Success)
                {
                    ctx.LineMatched = true;
                    return !negated;
                }

                return negated;
            }
            catch (RegexMatchTimeoutException)
            {
                ctx.Fail(RuntimeErrors.RegexTimedOut(patternText));
                return false;
            }
        };
    }
}
