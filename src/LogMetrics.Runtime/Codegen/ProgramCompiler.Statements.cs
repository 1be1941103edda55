using LogMetrics.Language.Binding;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Runtime.Codegen;

internal sealed partial class ProgramCompiler
{
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
        _ => EffectCall((BoundCallExpression)expression),
    };

    /// <remarks>As in mtail, the series is found (created) before the value is computed: when the value fails
    /// (divide by zero, a bad conversion), a new series stays with value 0.</remarks>
    private Func<LineContext, bool> CompileAssignment(BoundAssignmentStatement assignment)
    {
        var series = SeriesOf(assignment.Metric, assignment.Keys, create: true);
        var op = assignment.Operator;
        if (assignment.Metric.Kind is BoundMetricKind.Histogram or BoundMetricKind.Summary)
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
                    ctx.Fail(RuntimeErrors.DeleteAfterNoDatum(delete.Metric.Name));
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
}
