using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Binding;

/// <summary>Statements that store into a metric (`++`, `=`, `+=`...): the metric and its keys, the value converted to
/// what the metric holds, and the metric's value type inferred from what is stored.</summary>
internal sealed partial class Binder
{
    private BoundStatement? BindIncrement(PostfixExpressionSyntax postfix)
    {
        var (metric, keys) = BindMetricTarget(postfix.Operand);
        if (metric is null)
        {
            return null;
        }

        if (metric.ValueType is not (BoundType.Int or BoundType.Float) || metric.Kind is BoundMetricKind.Histogram or BoundMetricKind.Summary)
        {
            Report(DiagnosticMessages.IncrementNonInt(postfix.Span, metric.Kind is BoundMetricKind.Histogram or BoundMetricKind.Summary ? metric.Kind.ToString() : metric.ValueType.ToString()));
            return null;
        }

        // mtail types `x++` as Int: when it is the metric's first assignment, the metric is Int.
        Infer(metric, BoundType.Int, postfix.Span);
        return new BoundAssignmentStatement(postfix.Span, metric, keys,
            postfix.Operator == SyntaxKind.Increment ? BoundAssignmentOperator.Increment : BoundAssignmentOperator.Decrement, null);
    }

    private BoundStatement? BindAssignment(AssignmentExpressionSyntax assignment)
    {
        var (metric, keys) = BindMetricTarget(assignment.Target);
        var value = BindExpression(assignment.Value);
        if (metric is null)
        {
            return null;
        }

        var op = assignment.Operator switch
        {
            SyntaxKind.Assign => BoundAssignmentOperator.Assign,
            SyntaxKind.AddAssign => BoundAssignmentOperator.Add,
            _ => BoundAssignmentOperator.Subtract,
        };

        if (value.Type is BoundType.Pattern or BoundType.None
            || (metric.Kind is BoundMetricKind.Histogram or BoundMetricKind.Summary && value.Type == BoundType.String && !IsUntypedField(value)))
        {
            Report(DiagnosticMessages.MetricTypeMismatch(assignment.Value.Span, metric.Name, metric.ValueType.ToString(), value.Type.ToString()));
            return null;
        }

        // A field has no type of its own: it is read as the metric's type (Int unless something else fixes it).
        if (metric.Kind is BoundMetricKind.Counter or BoundMetricKind.Gauge or BoundMetricKind.Timer && !IsUntypedField(value))
        {
            Infer(metric, value.Type == BoundType.Bool ? BoundType.Int : value.Type, assignment.Span);
        }

        if (op == BoundAssignmentOperator.Subtract && metric.ValueType == BoundType.String)
        {
            Report(DiagnosticMessages.OperatorTypeMismatch(assignment.Span, "-=", "String", value.Type.ToString()));
            return null;
        }

        if (metric.Kind is BoundMetricKind.Histogram or BoundMetricKind.Summary && op != BoundAssignmentOperator.Assign)
        {
            Report(DiagnosticMessages.OperatorTypeMismatch(assignment.Span, op == BoundAssignmentOperator.Add ? "+=" : "-=", metric.Kind.ToString(), value.Type.ToString()));
            return null;
        }

        // A field is read as the metric's type by design (docs/language.md), so storing one is no String store.
        if (value.Type == BoundType.String && !IsUntypedField(value) && !CheckStringStored(metric, value, op, assignment.Value.Span))
        {
            return null;
        }

        var converted = ConvertForStore(metric, value, assignment.Value.Span);
        return converted is null ? null : new BoundAssignmentStatement(assignment.Span, metric, keys, op, converted);
    }

    /// <summary>
    /// A String stored into a counter, gauge or timer is never what was meant: as the metric's first assignment it
    /// makes a String metric that exports 0 (an error for a counter without keys, which mtail rejects); into an Int
    /// or Float metric it is parsed on every line. False when the assignment is an error.
    /// </summary>
    private bool CheckStringStored(MetricSymbol metric, BoundExpression value, BoundAssignmentOperator op, SourceSpan span)
    {
        if (metric.Kind is not (BoundMetricKind.Counter or BoundMetricKind.Gauge or BoundMetricKind.Timer))
        {
            return true;
        }

        var text = value switch
        {
            BoundCaptureReference capture => "$" + capture.Name,
            BoundLiteralExpression { Value: string literal } when literal.Length <= 20 => "\"" + literal + "\"",
            _ => "...",
        };
        var verb = op == BoundAssignmentOperator.Assign ? "assigning" : op == BoundAssignmentOperator.Add ? "adding" : "subtracting";
        if (metric.ValueType != BoundType.String)
        {
            Report(DiagnosticMessages.StringParsedAsNumber(span, verb, metric.Name, metric.ValueType.ToString(), text));
            return true;
        }

        if (metric.Kind == BoundMetricKind.Counter && metric.Keys.Count == 0)
        {
            Report(DiagnosticMessages.StringCounter(span, metric.Name, text));
            return false;
        }

        // A hidden metric never reaches the exposition: holding a String there is a way to keep text between lines.
        if (!metric.Hidden)
        {
            Report(DiagnosticMessages.StringMetric(span, verb, metric.Kind.ToString().ToLowerInvariant(), metric.Name, text));
        }

        return true;
    }

    /// <summary>
    /// The value as the metric stores it. mtail inserts no conversion here: its set and add instructions parse a
    /// String, but an Int stored into a Float metric or a Float into an Int one is a runtime error.
    /// </summary>
    private BoundExpression? ConvertForStore(MetricSymbol metric, BoundExpression value, SourceSpan span)
    {
        if (metric.Kind is BoundMetricKind.Counter or BoundMetricKind.Gauge or BoundMetricKind.Timer)
        {
            switch (metric.ValueType, value.Type)
            {
                case (BoundType.Int, BoundType.Float) or (BoundType.Float, BoundType.Int):
                    Report(DiagnosticMessages.MismatchedValue(span, metric.Name, metric.ValueType.ToString(), value.Type.ToString(), metric.TypeFixedAt ?? span));
                    return new BoundMismatchedValueExpression(value.Span, metric.ValueType, value);
                case (BoundType.Int or BoundType.Float, BoundType.String):
                    return Convert(value, metric.ValueType, span, isExplicit: true);
            }
        }

        return Convert(value, metric.ValueType, span);
    }

    /// <summary>
    /// mtail's type for a metric is that of its first assignment (in program order): the checker unifies the metric's
    /// type variable with the first value and later assignments of other types leave it as it is. Int if never assigned.
    /// </summary>
    private void Infer(MetricSymbol metric, BoundType assigned, SourceSpan at)
    {
        if (metric.TypeFixedAt is not null || assigned is not (BoundType.Int or BoundType.Float or BoundType.String))
        {
            return;
        }

        metric.TypeFixedAt = at;
        if (assigned != metric.ValueType)
        {
            _inferred[metric.Declaration] = assigned;
            metric.ValueType = assigned;
            _typesChanged = true;
        }
    }

    /// <summary>A metric used as an lvalue (or del target): `x` or `x[k...]` with the right number of keys.</summary>
    private (MetricSymbol? Metric, IReadOnlyList<BoundExpression> Keys) BindMetricTarget(ExpressionSyntax target, bool allowWildcard = false)
    {
        string name;
        SourceSpan nameSpan;
        IReadOnlyList<ExpressionSyntax> keySyntax;
        switch (target)
        {
            case NameExpressionSyntax n:
                (name, nameSpan, keySyntax) = (n.Name, n.Span, []);
                break;
            case IndexExpressionSyntax index:
                (name, nameSpan, keySyntax) = (index.Name, index.NameSpan, index.Keys);
                break;
            default:
                Report(DiagnosticMessages.AssignToNonVariable(target.Span));
                return (null, []);
        }

        var keys = keySyntax.Select(k => allowWildcard && k is WildcardExpressionSyntax ? new BoundWildcardExpression(k.Span) : BindKey(k)).ToList();
        var symbol = _scope.Lookup(name);
        if (symbol is not MetricSymbol metric)
        {
            Report(symbol is null ? DiagnosticMessages.UnknownName(nameSpan, name) : DiagnosticMessages.AssignToNonVariable(target.Span));
            return (null, []);
        }

        metric.Used = true;
        return CheckKeyCount(metric, keys, target.Span) ? (metric, keys) : (null, []);
    }

    private bool CheckKeyCount(MetricSymbol metric, List<BoundExpression> keys, SourceSpan span)
    {
        if (keys.Count < metric.Keys.Count)
        {
            Report(DiagnosticMessages.NotEnoughKeys(span, metric.Name, metric.Keys.Count, keys.Count));
            return false;
        }

        if (keys.Count > metric.Keys.Count)
        {
            Report(DiagnosticMessages.TooManyKeys(span, metric.Name, metric.Keys.Count, keys.Count));
            return false;
        }

        return true;
    }

    private BoundExpression BindKey(ExpressionSyntax key)
    {
        var bound = BindExpression(key);
        if (bound.Type is BoundType.Pattern or BoundType.None)
        {
            Report(DiagnosticMessages.NotAValue(key.Span, bound.Type.ToString()));
        }

        return bound;
    }
}
