using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LogMetrics.Language.Binding;
using LogMetrics.Language.Syntax;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Execution;
using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime;

/// <summary>
/// Turns a bound program into a tree of typed closures. A statement closure returns false when the program must stop
/// for this line (a `stop` or a runtime error recorded in <see cref="LineContext.Error"/>).
/// </summary>
internal sealed class ProgramCompiler
{
    private readonly IReadOnlyDictionary<MetricSymbol, MetricFamily> _families;
    private readonly EngineOptions _options;
    private readonly TimedRegex[] _regexes;
    private readonly string[] _patterns;
    private readonly string?[] _literals;
    private readonly bool[] _alwaysMatches;
    private readonly FieldDecoder[] _decoders;

    // Only `explain` passes a tracer; without one the closures are the same as ever (no check per line).
    private readonly IExecutionTracer? _tracer;

    // The match kept for a pattern that always matches with an empty $0 (`/$/`, `/^/`, `//`); one per program thread.
    private readonly Match _emptyMatch = new Regex("", RegexOptions.CultureInvariant).Match("");

    public ProgramCompiler(BoundProgram program, IReadOnlyDictionary<MetricSymbol, MetricFamily> families, EngineOptions options, IExecutionTracer? tracer = null)
    {
        _tracer = tracer;
        _families = families;
        _options = options;
        _regexes = new TimedRegex[program.Patterns.Count];
        _patterns = new string[program.Patterns.Count];
        _literals = new string?[program.Patterns.Count];
        _alwaysMatches = new bool[program.Patterns.Count];
        NetGroups = new int[program.Patterns.Count][];
        foreach (var pattern in program.Patterns)
        {
            // Groups no capture reference reads are compiled non-capturing (see RegexTranslation.CapturingOnly).
            var capturing = pattern.Translation.CapturingOnly(pattern.ReadGroups);
            _patterns[pattern.Slot] = capturing.Pattern;
            NetGroups[pattern.Slot] = capturing.NetGroups.ToArray();
            _regexes[pattern.Slot] = new TimedRegex(capturing.Pattern, pattern.Translation.Options | RegexOptions.Compiled, options.MatchTimeout);
            _literals[pattern.Slot] = string.IsNullOrEmpty(pattern.Translation.RequiredLiteral) ? null : pattern.Translation.RequiredLiteral;
            _alwaysMatches[pattern.Slot] = AlwaysMatchesEmpty(capturing.Pattern);
        }

        _decoders = program.StructuredPatterns
            .Select(p => p.Format == StructuredFormat.Json ? (FieldDecoder)new JsonFieldDecoder(p.Fields) : new LogfmtFieldDecoder(p.Fields))
            .ToArray();
    }

    /// <summary>By pattern slot, the .NET group number of each RE2 group (-1: compiled non-capturing).</summary>
    private int[][] NetGroups { get; }

    /// <summary>True for a pattern that matches every input with an empty match and no groups, so the regex need not run.</summary>
    internal static bool AlwaysMatchesEmpty(string pattern) => pattern is "" or "^" or @"\z" or "$";

    /// <summary>A prematcher for the pattern of the program's first statement, when that statement is `/re/ { ... }`
    /// on the line: nothing runs before it, so matching it ahead (on another thread) is safe.</summary>
    public Prematcher? CreatePrematcher(BoundProgram program)
    {
        if (program.Body.Statements.Count == 0
            || program.Body.Statements[0] is not BoundConditionalStatement { Condition: BoundMatchExpression { Subject: null } match }
            || _alwaysMatches[match.Pattern.Slot])
        {
            return null;
        }

        var slot = match.Pattern.Slot;
        var translation = match.Pattern.Translation;
        var groups = NetGroups[slot].Max() + 1;
        return new Prematcher(slot, _patterns[slot], groups, translation.Options | RegexOptions.Compiled, _options.MatchTimeout, _literals[slot]);
    }

    public Func<LineContext, bool> CompileBlock(BoundBlock block)
    {
        var statements = new List<Func<LineContext, bool>>();
        foreach (var statement in block.Statements)
        {
            statements.Add(CompileStatement(statement));
        }

        var array = statements.ToArray();
        return array.Length switch
        {
            0 => static _ => true,
            1 => array[0],
            _ => ctx =>
            {
                foreach (var statement in array)
                {
                    if (!statement(ctx))
                    {
                        return false;
                    }
                }

                return true;
            },
        };
    }

    private Func<LineContext, bool> CompileStatement(BoundStatement statement)
    {
        var compiled = CompileStatementCore(statement);
        if (_tracer is not { } tracer || statement is BoundBlock)
        {
            return compiled;
        }

        return ctx =>
        {
            tracer.Entering(statement);
            var go = compiled(ctx);
            tracer.Left(statement, go, ctx.Error);
            return go;
        };
    }

    private Func<LineContext, bool> CompileStatementCore(BoundStatement statement)
    {
        switch (statement)
        {
            case BoundBlock block:
                return CompileBlock(block);
            case BoundConditionalStatement { Condition: null } otherwise:
                var body = CompileBlock(otherwise.Then);
                return ctx =>
                {
                    if (ctx.Matched)
                    {
                        return true;
                    }

                    if (!body(ctx))
                    {
                        return false;
                    }

                    ctx.Matched = true;
                    return true;
                };
            case BoundConditionalStatement conditional:
                var condition = Traced(conditional, Bool(conditional.Condition!));
                var then = CompileBlock(conditional.Then);
                var otherwiseBlock = conditional.Else is null ? null : CompileBlock(conditional.Else);
                return ctx =>
                {
                    var value = condition(ctx);
                    if (ctx.Error is not null)
                    {
                        return false;
                    }

                    if (value)
                    {
                        ctx.Matched = false;
                        if (!then(ctx))
                        {
                            return false;
                        }

                        ctx.Matched = true;
                        return true;
                    }

                    return otherwiseBlock is null || otherwiseBlock(ctx);
                };
            case BoundStopStatement:
                return static _ => false;
            case BoundExpressionStatement expression:
                var effect = Effect(expression.Expression);
                return ctx =>
                {
                    effect(ctx);
                    return ctx.Error is null;
                };
            case BoundAssignmentStatement assignment:
                return CompileAssignment(assignment);
            case BoundDeleteStatement delete:
                return CompileDelete(delete);
            default:
                throw new InvalidOperationException($"Unknown statement {statement.GetType().Name}");
        }
    }

    private Func<LineContext, bool> Traced(BoundConditionalStatement conditional, Func<LineContext, bool> condition)
    {
        if (_tracer is not { } tracer)
        {
            return condition;
        }

        return ctx =>
        {
            var value = condition(ctx);
            tracer.Condition(conditional, value, ctx.Error);
            return value;
        };
    }

    private Action<LineContext> Effect(BoundExpression expression) => expression.Type switch
    {
        BoundType.Int => Int(expression) is var i ? ctx => i(ctx) : null!,
        BoundType.Float => Float(expression) is var f ? ctx => f(ctx) : null!,
        BoundType.String => Str(expression) is var s ? ctx => s(ctx) : null!,
        BoundType.Bool => Bool(expression) is var b ? ctx => b(ctx) : null!,
        _ => Call((BoundCallExpression)expression),
    };

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

    /// <remarks>As in mtail, the series is found (created) before the value is computed: when the value fails
    /// (divide by zero, a bad conversion), a new series stays with value 0.</remarks>
    private Func<LineContext, bool> CompileAssignment(BoundAssignmentStatement assignment)
    {
        var series = SeriesOf(assignment.Metric, assignment.Keys, create: true);
        var op = assignment.Operator;
        if (assignment.Metric.Kind is MetricKindSyntax.Histogram or MetricKindSyntax.Summary)
        {
            var observed = Float(assignment.Value!);
            return ctx =>
            {
                var target = series(ctx);
                if (ctx.Error is not null)
                {
                    return false;
                }

                var value = observed(ctx);
                if (ctx.Error is not null)
                {
                    return false;
                }

                target?.Observe(value, ctx.StampMs);
                return true;
            };
        }

        switch (assignment.Metric.ValueType)
        {
            case BoundType.Float:
                var f = assignment.Value is null ? null : Float(assignment.Value);
                return ctx =>
                {
                    var target = series(ctx);
                    if (ctx.Error is not null)
                    {
                        return false;
                    }

                    var value = f is null ? (op == BoundAssignmentOperator.Increment ? 1.0 : -1.0) : f(ctx);
                    if (ctx.Error is not null)
                    {
                        return false;
                    }

                    if (target is not null)
                    {
                        if (op == BoundAssignmentOperator.Assign)
                        {
                            target.SetFloat(value, ctx.StampMs);
                        }
                        else
                        {
                            target.AddFloat(op == BoundAssignmentOperator.Subtract ? -value : value, ctx.StampMs);
                        }
                    }

                    return true;
                };
            case BoundType.String:
                var s = Str(assignment.Value!);
                return ctx =>
                {
                    var target = series(ctx);
                    if (ctx.Error is not null)
                    {
                        return false;
                    }

                    var value = s(ctx);
                    if (ctx.Error is not null)
                    {
                        return false;
                    }

                    target?.SetText(op == BoundAssignmentOperator.Add ? target.TextValue + value : value, ctx.StampMs);
                    return true;
                };
            default:
                if (assignment.Value is null)
                {
                    var delta = op == BoundAssignmentOperator.Increment ? 1L : -1L;
                    return ctx =>
                    {
                        var target = series(ctx);
                        if (ctx.Error is not null)
                        {
                            return false;
                        }

                        target?.AddInt(delta, ctx.StampMs);
                        return true;
                    };
                }

                var i = Int(assignment.Value);
                return ctx =>
                {
                    var target = series(ctx);
                    if (ctx.Error is not null)
                    {
                        return false;
                    }

                    var value = i(ctx);
                    if (ctx.Error is not null)
                    {
                        return false;
                    }

                    if (target is not null)
                    {
                        if (op == BoundAssignmentOperator.Assign)
                        {
                            target.SetInt(value, ctx.StampMs);
                        }
                        else
                        {
                            target.AddInt(op == BoundAssignmentOperator.Subtract ? -value : value, ctx.StampMs);
                        }
                    }

                    return true;
                };
        }
    }

    private Func<LineContext, bool> CompileDelete(BoundDeleteStatement delete)
    {
        var family = _families[delete.Metric];
        if (delete.Keys.Any(k => k is BoundWildcardExpression))
        {
            return CompileDeleteMatching(family, delete.Keys);
        }

        var writers = delete.Keys.Select(KeyWriter).ToArray();
        var after = delete.After;
        return ctx =>
        {
            var labels = ctx.RentLabels();
            try
            {
                if (!WriteKey(ctx, writers, labels))
                {
                    return false;
                }

                if (after is null)
                {
                    family.Remove(labels);
                    return true;
                }

                var series = family.Find(labels);
                if (series is null)
                {
                    ctx.Fail($"del {delete.Metric.Name} after: no datum for given labelvalues");
                    return false;
                }

                series.ExpireAfter(after.Value);
                return true;
            }
            finally
            {
                ctx.ReturnLabels();
            }
        };
    }

    // del m[k][*]: every series whose non-wildcard keys equal the line's.
    private Func<LineContext, bool> CompileDeleteMatching(MetricFamily family, IReadOnlyList<BoundExpression> keys)
    {
        var values = keys.Select(k => k is BoundWildcardExpression ? null : Str(k)).ToArray();
        return ctx =>
        {
            var pattern = new string?[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                pattern[i] = values[i]?.Invoke(ctx);
                if (ctx.Error is not null)
                {
                    return false;
                }
            }

            family.RemoveMatching(pattern);
            return true;
        };
    }

    /// <summary>A String capture read as text needs no parsing: its raw group text is used. An Int or Float capture
    /// converted to String is not raw: mtail parses it and formats the number (string of "+6" is "6", of "1000000.5" is "1.0000005e+06").</summary>
    private static BoundCaptureReference? RawCapture(BoundExpression expression) => expression switch
    {
        BoundCaptureReference { Type: BoundType.String } capture => capture,
        BoundConversionExpression { Type: BoundType.String, Operand: BoundCaptureReference { Type: BoundType.String } capture } => capture,
        _ => null,
    };

    /// <summary>Any capture passed where a String is expected, as its raw text.</summary>
    private static BoundCaptureReference? RawCaptureOfAnyType(BoundExpression expression) => expression switch
    {
        BoundCaptureReference { Type: BoundType.String } capture => capture,
        BoundConversionExpression { Type: BoundType.String, Operand: BoundCaptureReference capture } => capture,
        _ => null,
    };

    /// <summary>A capture reference as the closures read it: its pattern slot and its groups' .NET numbers.</summary>
    private sealed class CaptureRead(int slot, int[] groups, string? field)
    {
        public readonly int Slot = slot;

        /// <summary>.NET group numbers, in RE2 order (a name can stand for several groups); for a field, its number.</summary>
        public readonly int[] Groups = groups;

        /// <summary>For a field of a structured pattern (Slot is then its slot): its path, for the missing-field error.</summary>
        public readonly string? Field = field;
    }

    private CaptureRead Read(BoundCaptureReference capture)
    {
        if (capture.Field is not null)
        {
            return new CaptureRead(capture.Slot, capture.Groups.ToArray(), capture.Field.Text);
        }

        var netGroups = NetGroups[capture.Slot];
        return new CaptureRead(capture.Slot, capture.Groups.Select(g => netGroups[g]).ToArray(), null);
    }

    /// <summary>The capture's text; false when none of its groups took part in the match (or its pattern did not run).
    /// Of several groups with one name, the last that took part with a non-empty text wins, else the last that took part.</summary>
    private static bool TryCapture(LineContext ctx, CaptureRead capture, out ReadOnlySpan<char> value)
    {
        if (capture.Field is not null)
        {
            return ctx.Fields[capture.Slot].TryGet(capture.Groups[0], out value);
        }

        value = default;
        var match = ctx.Matches[capture.Slot];
        if (match is null && capture.Slot != ctx.PrematchedSlot)
        {
            return false;
        }

        var groups = capture.Groups;
        if (groups.Length == 1)
        {
            return TryGroup(ctx, match, groups[0], out value);
        }

        var participated = false;
        for (var i = groups.Length - 1; i >= 0; i--)
        {
            if (TryGroup(ctx, match, groups[i], out var group))
            {
                if (group.Length > 0)
                {
                    value = group;
                    return true;
                }

                if (!participated)
                {
                    participated = true;
                    value = group;
                }
            }
        }

        return participated;
    }

    /// <summary>A group's text from the line's match, or (match null) from the prematcher's positions.</summary>
    private static bool TryGroup(LineContext ctx, Match? match, int group, out ReadOnlySpan<char> value)
    {
        if (match is not null)
        {
            return GroupReader.TryGet(match, group, out value);
        }

        if ((uint)group < (uint)ctx.PrematchedGroups)
        {
            var at = ctx.PrematchedBase + (2 * group);
            var start = ctx.PrematchedSpans[at];
            if (start >= 0)
            {
                value = ctx.Text.AsSpan(start, ctx.PrematchedSpans[at + 1]);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The capture's text; empty when its groups did not take part. A missing field is a runtime error.</summary>
    private static ReadOnlySpan<char> CaptureSpan(LineContext ctx, CaptureRead capture)
    {
        if (TryCapture(ctx, capture, out var value))
        {
            return value;
        }

        if (capture.Field is not null)
        {
            ctx.Fail(MissingField(capture.Field));
        }

        return default;
    }

    private static string MissingField(string field) => $"field {field} is missing or null";

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
                        ctx.Fail($"field {fieldRead.Field}: \"{text}\" is not a boolean");
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
            return ctx =>
            {
                if (ctx.Prematch is { } prematch && prematch.Slot == slot)
                {
                    switch (prematch.TryTake(ctx.LineIndex, out var spanBase))
                    {
                        case Prematcher.Outcome.NoMatch:
                            return negated;
                        case Prematcher.Outcome.Matched:
                            ctx.SetPrematched(slot, prematch.Spans, spanBase, prematch.Groups);
                            ctx.LineMatched = true;
                            return !negated;
                    }
                }

                if (prefilter is not null && prefilter.Rejects(ctx.Line))
                {
                    return negated;
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
                    ctx.Fail($"regex match timed out: /{match.Pattern.Text}/");
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
                ctx.Fail($"regex match timed out: /{match.Pattern.Text}/");
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
                ctx.Fail($"invalid regex /{patternText}/: {error}");
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
                ctx.Fail($"regex match timed out: /{patternText}/");
                return false;
            }
        };
    }

    internal Func<LineContext, long> Int(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundLiteralExpression literal:
                var constant = (long)literal.Value;
                return _ => constant;
            case BoundCaptureReference capture:
                var intError = new RepeatedMessage(text => $"strconv.ParseInt: parsing \"{text}\" ({(capture.Field is null ? "capture" : "field")} {capture.Name}): invalid syntax");
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

                            ctx.Fail($"strconv.ParseInt: parsing \"{text}\": invalid syntax");
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
                    ctx.Fail(string.Create(CultureInfo.InvariantCulture, $"unexpected int type float64 ({GoFloatFormatter.FormatG(value)}): a Float stored into an Int metric"));
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
                    ctx.Fail("Divide by zero");
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
                    ctx.Fail("Divide by zero");
                    return 0;
                }

                return a % b;
            },
            BoundBinaryOperator.Power => ctx => IntPower(l(ctx), r(ctx)),
            BoundBinaryOperator.ShiftLeft => ctx => Shift(ctx, l(ctx), r(ctx), left: true),
            BoundBinaryOperator.ShiftRight => ctx => Shift(ctx, l(ctx), r(ctx), left: false),
            BoundBinaryOperator.BitwiseAnd => ctx => l(ctx) & r(ctx),
            BoundBinaryOperator.BitwiseOr => ctx => l(ctx) | r(ctx),
            _ => ctx => l(ctx) ^ r(ctx),
        };
    }

    private Func<LineContext, long> IntBinary(BoundBinaryExpression binary) => IntBinary(binary, this);

    /// <summary>mtail's ipow: int64(math.Pow(float64(a), float64(b))), so `1 ** -1` is 1 and `2 ** -1` is 0.</summary>
    internal static long IntPower(long a, long b) => GoFloatToInt(Math.Pow(a, b));

    /// <summary>Go's int64(f) on amd64: truncation, and the minimum Int64 for NaN and values out of range.</summary>
    internal static long GoFloatToInt(double value) =>
        double.IsNaN(value) || value >= 9.2233720368547758E18 || value < -9.2233720368547758E18 ? long.MinValue : (long)value;

    private static long Shift(LineContext ctx, long value, long count, bool left)
    {
        if (count < 0)
        {
            ctx.Fail("negative shift amount");
            return 0;
        }

        if (count >= 64)
        {
            return left || value >= 0 ? 0 : -1;
        }

        return left ? value << (int)count : value >> (int)count;
    }

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

    internal Func<LineContext, double> Float(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundLiteralExpression literal:
                var constant = literal.Value is long l ? l : (double)literal.Value;
                return _ => constant;
            case BoundCaptureReference capture:
                var floatError = new RepeatedMessage(text => $"strconv.ParseFloat: parsing \"{text}\" ({(capture.Field is null ? "capture" : "field")} {capture.Name}): {GoFloatParseError(text)}");
                var floatRead = Read(capture);
                return ctx =>
                {
                    var span = CaptureSpan(ctx, floatRead);
                    if (TryParseGoFloat(span, out var value))
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
                            if (TryParseGoFloat(text, out var value))
                            {
                                return value;
                            }

                            ctx.Fail($"strconv.ParseFloat: parsing \"{text}\": {GoFloatParseError(text)}");
                            return 0;
                        };
                }

            case BoundIncrementExpression increment:
                var floatUpdate = CompileAssignment(increment.Update);
                var floatSeries = SeriesOf(increment.Update.Metric, increment.Update.Keys, create: true);
                return ctx => floatUpdate(ctx) ? floatSeries(ctx)?.FloatValue ?? 0 : 0;

            case BoundCallExpression { Function: Builtin.Parsetime } parsetime:
                return ParseTime(parsetime);
            case BoundMismatchedValueExpression mismatched:
                var intValue = Int(mismatched.Operand);
                return ctx =>
                {
                    var value = intValue(ctx);
                    ctx.Fail(string.Create(CultureInfo.InvariantCulture, $"unexpected float type int64 ({value}): an Int stored into a Float metric"));
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

    internal static bool TryParseGoFloat(ReadOnlySpan<char> text, out double value) => GoStrconv.TryParseFloat(text, out value, out _);

    private static string GoFloatParseError(string text) =>
        GoStrconv.TryParseFloat(text, out _, out var outOfRange) || !outOfRange ? "invalid syntax" : "value out of range";

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
