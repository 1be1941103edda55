using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax;
using LogMetrics.Language.Time;

namespace LogMetrics.Language.Binding;

internal sealed partial class Binder
{
    private BoundExpression BindCondition(ExpressionSyntax syntax)
    {
        var bound = BindExpression(RegroupLeadingPattern(syntax));
        // mtail takes as a condition a pattern, or an operator expression that its optimiser does not fold to a constant;
        // a plain value (`1`, `x`, `$1`, `len($1)`, `1 + 1`) is refused: "Can't interpret Int as a boolean expression".
        // A json or logfmt field (LogMetrics) is the exception: it is read as a JSON boolean.
        if (bound.Type != BoundType.Bool && !IsOperatorCondition(syntax) && !IsUntypedField(bound))
        {
            Report(DiagnosticMessages.InvalidCondition(syntax.Span, bound.Type.ToString()));
            return ErrorExpression(syntax.Span);
        }

        return ToBool(bound, syntax.Span);
    }

    private static bool IsOperatorCondition(ExpressionSyntax syntax) =>
        syntax is BinaryExpressionSyntax or UnaryExpressionSyntax or PostfixExpressionSyntax && !IsConstantArithmetic(syntax);

    /// <summary>What mtail's optimiser folds into one literal: + - * / % ** over Int and Float literals.</summary>
    private static bool IsConstantArithmetic(ExpressionSyntax syntax)
    {
        var pending = new Stack<ExpressionSyntax>();
        pending.Push(syntax);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case IntegerLiteralExpressionSyntax or FloatLiteralExpressionSyntax:
                case UnaryExpressionSyntax { Operator: SyntaxKind.Minus, Operand: IntegerLiteralExpressionSyntax or FloatLiteralExpressionSyntax }:
                    break;
                case BinaryExpressionSyntax { Operator: SyntaxKind.Plus or SyntaxKind.Minus or SyntaxKind.Multiply or SyntaxKind.Divide
                    or SyntaxKind.Modulo or SyntaxKind.Power } binary:
                    pending.Push(binary.Left);
                    pending.Push(binary.Right);
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// mtail's grammar reads a condition that starts with a regex literal as `PATTERN op (rest)`
    /// (`conditional_expr: pattern_expr logical_op logical_expr`), so `/re/ &amp;&amp; a || b` is
    /// `/re/ &amp;&amp; (a || b)`: a line the regex does not match never evaluates `b`. Elsewhere `&amp;&amp;` and `||`
    /// share one left-associative level. Regroups the left spine; a parenthesised left operand is left alone.
    /// </summary>
    private static ExpressionSyntax RegroupLeadingPattern(ExpressionSyntax syntax)
    {
        var spine = new List<BinaryExpressionSyntax>();
        var node = syntax;
        while (node is BinaryExpressionSyntax { Operator: SyntaxKind.LogicalAnd or SyntaxKind.LogicalOr } binary
            && binary.Left.Span.Line == binary.Span.Line && binary.Left.Span.Column == binary.Span.Column)
        {
            spine.Add(binary);
            node = binary.Left;
        }

        if (spine.Count < 2 || !StartsWithRegexLiteral(node))
        {
            return syntax;
        }

        // spine[^1] is `P op1 a`; the others add `op b`, `op c`... outwards.
        var first = spine[^1];
        ExpressionSyntax rest = first.Right;
        for (var i = spine.Count - 2; i >= 0; i--)
        {
            rest = new BinaryExpressionSyntax(spine[i].Span, rest, spine[i].Operator, spine[i].Right);
        }

        return new BinaryExpressionSyntax(syntax.Span, node, first.Operator, rest);

        static bool StartsWithRegexLiteral(ExpressionSyntax expression) => expression switch
        {
            RegexLiteralExpressionSyntax => true,
            BinaryExpressionSyntax { Operator: SyntaxKind.Plus } concat => StartsWithRegexLiteral(concat.Left),
            _ => false,
        };
    }

    private BoundExpression ToBool(BoundExpression bound, SourceSpan span)
    {
        if (IsUntypedField(bound))
        {
            // A field as a condition is a JSON boolean (or the text true/false).
            return bound with { Type = BoundType.Bool };
        }

        switch (bound.Type)
        {
            case BoundType.Bool:
                return bound;
            case BoundType.Int:
            case BoundType.Float:
                return new BoundConversionExpression(span, BoundType.Bool, bound);
            default:
                Report(DiagnosticMessages.InvalidCondition(span, bound.Type.ToString()));
                return ErrorExpression(span);
        }
    }

    private BoundExpression BindExpression(ExpressionSyntax syntax)
    {
        if (!Enter(syntax.Span))
        {
            return ErrorExpression(syntax.Span);
        }

        try
        {
            return BindExpressionCore(syntax);
        }
        finally
        {
            _depth--;
        }
    }

    private BoundExpression BindExpressionCore(ExpressionSyntax syntax)
    {
        if (StructuredFormatOf(syntax) is { } format)
        {
            // `json` or `logfmt` used as a value decodes the current line.
            return BindStructuredMatch(null, format, false, syntax.Span);
        }

        if (IsPatternExpression(syntax))
        {
            // A pattern used as a value matches the current line.
            return BindPatternMatch(null, syntax, false, syntax.Span);
        }

        switch (syntax)
        {
            case IntegerLiteralExpressionSyntax i:
                return new BoundLiteralExpression(i.Span, BoundType.Int, i.Value);
            case FloatLiteralExpressionSyntax f:
                return new BoundLiteralExpression(f.Span, BoundType.Float, f.Value);
            case StringLiteralExpressionSyntax s:
                return new BoundLiteralExpression(s.Span, BoundType.String, s.Value);
            case CaptureReferenceExpressionSyntax capture:
                return BindCapture(capture);
            case NameExpressionSyntax name:
                return BindMetricRead(name.Name, name.Span, name.Span, []);
            case IndexExpressionSyntax index:
                return BindMetricRead(index.Name, index.NameSpan, index.Span, index.Keys);
            case CallExpressionSyntax call:
                return BindCall(call);
            case UnaryExpressionSyntax unary:
                return BindUnary(unary);
            case BinaryExpressionSyntax binary:
                return BindBinary(binary);
            case PostfixExpressionSyntax postfix:
                // mtail's inc and dec leave the new value on the stack, so `x++` is also an expression (`x-- - x`).
                return BindIncrement(postfix) is BoundAssignmentStatement update
                    ? new BoundIncrementExpression(postfix.Span, update.Metric.ValueType, update)
                    : ErrorExpression(syntax.Span);
            case AssignmentExpressionSyntax:
                Report(DiagnosticMessages.AssignmentNotStatement(syntax.Span));
                return ErrorExpression(syntax.Span);
            case WildcardExpressionSyntax:
                Report(DiagnosticMessages.WildcardNotAllowed(syntax.Span));
                return ErrorExpression(syntax.Span);
            default:
                Report(DiagnosticMessages.NotAPattern(syntax.Span));
                return ErrorExpression(syntax.Span);
        }
    }

    private BoundExpression BindCapture(CaptureReferenceExpressionSyntax capture)
    {
        var source = _scope.LookupCaptureSource(capture.Name);
        if (source is BoundStructuredPattern structured)
        {
            return BindField(capture, structured);
        }

        var bound = source as BoundCaptureReference;
        if (bound is not null && (capture.Selectors.Count > 0 || capture.Name.Length == 0))
        {
            Report(DiagnosticMessages.FieldOfRegexCapture(capture.Span, "$" + capture.Name));
            return new BoundLiteralExpression(capture.Span, BoundType.String, "");
        }

        if (bound is null && (capture.Selectors.Count > 0 || capture.Name.Length == 0))
        {
            Report(DiagnosticMessages.FieldOutsideStructured(capture.Span));
            return new BoundLiteralExpression(capture.Span, BoundType.String, "");
        }

        if (bound is null)
        {
            Report(DiagnosticMessages.UnknownCapture(capture.Span, capture.IsPositional ? "$" + capture.Name : capture.Name, _scope.CaptureNames()));
            return new BoundLiteralExpression(capture.Span, BoundType.String, "");
        }

        if (!_readGroups.TryGetValue(bound.Slot, out var read))
        {
            _readGroups[bound.Slot] = read = [];
        }

        read.UnionWith(bound.Groups);
        return bound with { Span = capture.Span };
    }

    private BoundExpression BindMetricRead(string name, SourceSpan nameSpan, SourceSpan span, IReadOnlyList<ExpressionSyntax> keySyntax)
    {
        var keys = keySyntax.Select(BindKey).ToList();
        var symbol = _scope.Lookup(name);
        if (symbol is not MetricSymbol metric)
        {
            Report(symbol is null ? DiagnosticMessages.UnknownName(nameSpan, name) : DiagnosticMessages.NotAValue(span, name));
            return ErrorExpression(span);
        }

        metric.Used = true;
        if (!CheckKeyCount(metric, keys, span))
        {
            return ErrorExpression(span);
        }

        if (metric.Kind is BoundMetricKind.Histogram or BoundMetricKind.Summary)
        {
            Report(DiagnosticMessages.NotAValue(span, name));
            return ErrorExpression(span);
        }

        return new BoundMetricExpression(span, metric.ValueType, metric, keys);
    }

    private BoundExpression BindUnary(UnaryExpressionSyntax unary)
    {
        var operand = BindExpression(unary.Operand);
        switch (unary.Operator)
        {
            case SyntaxKind.LogicalNot:
                return new BoundUnaryExpression(unary.Span, BoundType.Bool, BoundUnaryOperator.LogicalNot, ToBool(operand, unary.Operand.Span));
            case SyntaxKind.BitwiseNot:
                if (operand.Type is BoundType.Int or BoundType.Bool)
                {
                    return new BoundUnaryExpression(unary.Span, BoundType.Int, BoundUnaryOperator.BitwiseNot, Convert(operand, BoundType.Int, unary.Span)!);
                }

                break;
            default:
                if (operand.Type is BoundType.Int or BoundType.Float)
                {
                    return new BoundUnaryExpression(unary.Span, operand.Type, BoundUnaryOperator.Negate, operand);
                }

                break;
        }

        Report(DiagnosticMessages.UnaryTypeMismatch(unary.Span, unary.Operator == SyntaxKind.BitwiseNot ? "~" : "-", operand.Type.ToString()));
        return ErrorExpression(unary.Span);
    }

    private BoundExpression BindBinary(BinaryExpressionSyntax binary)
    {
        switch (binary.Operator)
        {
            case SyntaxKind.Match:
            case SyntaxKind.NotMatch:
                var subject = BindExpression(binary.Left);
                var subjectString = Convert(subject, BoundType.String, binary.Left.Span) ?? ErrorExpression(binary.Left.Span);
                if (StructuredFormatOf(binary.Right) is { } format)
                {
                    return BindStructuredMatch(subjectString, format, binary.Operator == SyntaxKind.NotMatch, binary.Span);
                }

                if (binary.Right is FloatLiteralExpressionSyntax)
                {
                    // mtail: "type mismatch; expected Pattern received Float for MATCH operator" (an Int is taken).
                    Report(DiagnosticMessages.FloatPattern(binary.Right.Span, OperatorText(binary.Operator)));
                    return ErrorExpression(binary.Span);
                }

                if (IsDynamicPattern(binary.Right))
                {
                    return BindDynamicMatch(subjectString, binary.Right, binary.Operator == SyntaxKind.NotMatch, binary.Span);
                }

                return BindPatternMatch(subjectString, binary.Right, binary.Operator == SyntaxKind.NotMatch, binary.Span);
            case SyntaxKind.LogicalAnd:
            case SyntaxKind.LogicalOr:
                var left = ToBool(BindExpression(binary.Left), binary.Left.Span);
                var right = ToBool(BindExpression(binary.Right), binary.Right.Span);
                return new BoundBinaryExpression(binary.Span, BoundType.Bool, left,
                    binary.Operator == SyntaxKind.LogicalAnd ? BoundBinaryOperator.LogicalAnd : BoundBinaryOperator.LogicalOr, right);
        }

        var l = BindExpression(binary.Left);
        var r = BindExpression(binary.Right);

        // A field next to a number is read as that number's type: `$status >= 500` compares Ints.
        if (IsUntypedField(l) && r.Type is BoundType.Int or BoundType.Float)
        {
            l = l with { Type = r.Type };
        }
        else if (IsUntypedField(r) && l.Type is BoundType.Int or BoundType.Float)
        {
            r = r with { Type = l.Type };
        }

        var op = binary.Operator switch
        {
            SyntaxKind.Plus => BoundBinaryOperator.Add,
            SyntaxKind.Minus => BoundBinaryOperator.Subtract,
            SyntaxKind.Multiply => BoundBinaryOperator.Multiply,
            SyntaxKind.Divide => BoundBinaryOperator.Divide,
            SyntaxKind.Modulo => BoundBinaryOperator.Modulo,
            SyntaxKind.Power => BoundBinaryOperator.Power,
            SyntaxKind.ShiftLeft => BoundBinaryOperator.ShiftLeft,
            SyntaxKind.ShiftRight => BoundBinaryOperator.ShiftRight,
            SyntaxKind.BitwiseAnd => BoundBinaryOperator.BitwiseAnd,
            SyntaxKind.BitwiseOr => BoundBinaryOperator.BitwiseOr,
            SyntaxKind.BitwiseXor => BoundBinaryOperator.BitwiseXor,
            SyntaxKind.Less => BoundBinaryOperator.Less,
            SyntaxKind.LessOrEqual => BoundBinaryOperator.LessOrEqual,
            SyntaxKind.Greater => BoundBinaryOperator.Greater,
            SyntaxKind.GreaterOrEqual => BoundBinaryOperator.GreaterOrEqual,
            SyntaxKind.Equal => BoundBinaryOperator.Equal,
            _ => BoundBinaryOperator.NotEqual,
        };
        var opText = OperatorText(binary.Operator);
        if (l.Type is BoundType.Pattern or BoundType.None || r.Type is BoundType.Pattern or BoundType.None)
        {
            Report(DiagnosticMessages.OperatorTypeMismatch(binary.Span, opText, l.Type.ToString(), r.Type.ToString()));
            return ErrorExpression(binary.Span);
        }

        var lub = (BoundType)Math.Max((int)l.Type, (int)r.Type);
        switch (op)
        {
            case BoundBinaryOperator.Add when lub == BoundType.String:
                return new BoundBinaryExpression(binary.Span, BoundType.String, Convert(l, BoundType.String, binary.Left.Span)!,
                    BoundBinaryOperator.Concatenate, Convert(r, BoundType.String, binary.Right.Span)!);
            case BoundBinaryOperator.Add or BoundBinaryOperator.Subtract or BoundBinaryOperator.Multiply or BoundBinaryOperator.Divide
                or BoundBinaryOperator.Modulo or BoundBinaryOperator.Power:
                if (lub == BoundType.String)
                {
                    break;
                }

                if (op is BoundBinaryOperator.Divide or BoundBinaryOperator.Modulo && binary.Right is IntegerLiteralExpressionSyntax { Value: 0 })
                {
                    Report(DiagnosticMessages.DivideByZero(binary.Right.Span));
                    return ErrorExpression(binary.Span);
                }

                var numeric = lub == BoundType.Bool ? BoundType.Int : lub;
                return new BoundBinaryExpression(binary.Span, numeric, Convert(l, numeric, binary.Left.Span)!, op, Convert(r, numeric, binary.Right.Span)!);
            case BoundBinaryOperator.ShiftLeft or BoundBinaryOperator.ShiftRight or BoundBinaryOperator.BitwiseAnd
                or BoundBinaryOperator.BitwiseOr or BoundBinaryOperator.BitwiseXor:
                // mtail takes a String operand here and parses it as an Int when the line runs (`$1 & 7` with `(\d)`);
                // it takes a Float too, which fails on every line ("unexpected int type float64"): a warning says so.
                return new BoundBinaryExpression(binary.Span, BoundType.Int, IntOperand(l, binary.Left.Span, $"'{opText}'"), op,
                    IntOperand(r, binary.Right.Span, $"'{opText}'"));
            default:
                if (lub == BoundType.Bool && op is not (BoundBinaryOperator.Equal or BoundBinaryOperator.NotEqual))
                {
                    lub = BoundType.Int;
                }

                return new BoundBinaryExpression(binary.Span, BoundType.Bool, Convert(l, lub, binary.Left.Span)!, op, Convert(r, lub, binary.Right.Span)!);
        }

        Report(DiagnosticMessages.OperatorTypeMismatch(binary.Span, opText, l.Type.ToString(), r.Type.ToString()));
        return ErrorExpression(binary.Span);
    }

    /// <summary>An operand where mtail's VM pops an Int: a String is parsed, a Float is a runtime error (with a warning).</summary>
    private BoundExpression IntOperand(BoundExpression operand, SourceSpan span, string where)
    {
        if (operand.Type != BoundType.Float)
        {
            return Convert(operand, BoundType.Int, span, isExplicit: true)!;
        }

        Report(DiagnosticMessages.FloatWhereIntExpected(span, where));
        return new BoundMismatchedValueExpression(operand.Span, BoundType.Int, operand);
    }

    private static string OperatorText(SyntaxKind kind) => kind switch
    {
        SyntaxKind.Plus => "+",
        SyntaxKind.Minus => "-",
        SyntaxKind.Multiply => "*",
        SyntaxKind.Divide => "/",
        SyntaxKind.Modulo => "%",
        SyntaxKind.Power => "**",
        SyntaxKind.ShiftLeft => "<<",
        SyntaxKind.ShiftRight => ">>",
        SyntaxKind.BitwiseAnd => "&",
        SyntaxKind.BitwiseOr => "|",
        SyntaxKind.BitwiseXor => "^",
        SyntaxKind.Less => "<",
        SyntaxKind.LessOrEqual => "<=",
        SyntaxKind.Greater => ">",
        SyntaxKind.GreaterOrEqual => ">=",
        SyntaxKind.Equal => "==",
        SyntaxKind.NotEqual => "!=",
        SyntaxKind.Match => "=~",
        SyntaxKind.NotMatch => "!~",
        _ => kind.ToString(),
    };

    /// <summary>Implicit coercion up the Bool &lt; Int &lt; Float &lt; String order; with explicit, also String to numbers and Float to Int.</summary>
    private BoundExpression? Convert(BoundExpression expression, BoundType target, SourceSpan span, bool isExplicit = false)
    {
        if (expression.Type == target)
        {
            return expression;
        }

        if (IsUntypedField(expression) && target is BoundType.Int or BoundType.Float or BoundType.Bool)
        {
            // A field is read as the type its use needs; a value that is not one is a runtime error.
            return expression with { Type = target };
        }

        var allowed = (expression.Type, target) switch
        {
            (BoundType.Bool, BoundType.Int or BoundType.Float or BoundType.String) => !isExplicit || target == BoundType.String,
            (BoundType.Int, BoundType.Float or BoundType.String or BoundType.Bool) => true,
            (BoundType.Float, BoundType.String or BoundType.Bool) => true,
            (BoundType.Float, BoundType.Int) => isExplicit,
            (BoundType.String, BoundType.Int or BoundType.Float or BoundType.Bool) => isExplicit,
            _ => false,
        };
        if (!allowed)
        {
            Report(DiagnosticMessages.InvalidConversion(span, expression.Type.ToString(), target.ToString()));
            return null;
        }

        if (expression is BoundLiteralExpression { Type: BoundType.Int, Value: long value } && target == BoundType.Float)
        {
            return new BoundLiteralExpression(expression.Span, BoundType.Float, (double)value);
        }

        return new BoundConversionExpression(expression.Span, target, expression);
    }

    private BoundExpression BindCall(CallExpressionSyntax call)
    {
        if (call.Name == "defined")
        {
            if (call.Arguments.Count != 1 || call.Arguments[0] is not CaptureReferenceExpressionSyntax capture)
            {
                Report(DiagnosticMessages.DefinedNeedsCapture(call.Span));
                return ErrorExpression(call.Span);
            }

            return BindCapture(capture) is BoundCaptureReference reference
                ? new BoundDefinedExpression(call.Span, reference.Slot, reference.Groups) { Field = reference.Field }
                : ErrorExpression(call.Span);
        }

        if (!BuiltinTable.TryFind(call.Name, out var signature))
        {
            Report(DiagnosticMessages.UnknownFunction(call.NameSpan, call.Name));
            return ErrorExpression(call.Span);
        }

        var builtin = signature.Builtin;
        var parameters = signature.Parameters;
        var expected = parameters.Count;
        if (call.Arguments.Count != expected)
        {
            Report(DiagnosticMessages.WrongArgumentCount(call.Span, call.Name, expected, call.Arguments.Count));
            return ErrorExpression(call.Span);
        }

        var args = new List<BoundExpression>();
        BoundPattern? pattern = null;
        GoTimeLayout? layout = null;
        switch (builtin)
        {
            case Builtin.Strptime:
            case Builtin.Parsetime:
                args.Add(Argument(call, 0, parameters[0]));
                if (call.Arguments[1] is not StringLiteralExpressionSyntax format)
                {
                    Report(DiagnosticMessages.StrptimeFormatNotLiteral(call.Arguments[1].Span));
                    return ErrorExpression(call.Span);
                }

                layout = GoTimeLayout.Compile(format.Value);
                if (!layout.ParsesItself())
                {
                    // mtail's check: "invalid time format string".
                    Report(DiagnosticMessages.InvalidTimeLayout(format.Span, format.Value,
                        "it does not parse as a time itself, as mtail requires (read with Go's reference time, Mon Jan 2 15:04:05 MST 2006)"));
                    return ErrorExpression(call.Span);
                }

                if (!layout.HasElements)
                {
                    Report(DiagnosticMessages.TimeLayoutWithoutElements(format.Span, format.Value));
                }

                return new BoundCallExpression(call.Span, signature.Result, builtin, args) { Layout = layout };
            case Builtin.Tolower:
                // mtail converts nothing here: "Expecting a String for argument 1 of tolower(), not Int".
                args.Add(Argument(call, 0, parameters[0], exact: true));
                break;
            case Builtin.Settime:
            case Builtin.Fail:
            case Builtin.Len:
            case Builtin.Basename:
            case Builtin.Strtol:
            case Builtin.GetFilename:
            case Builtin.Timestamp:
                for (var i = 0; i < parameters.Count; i++)
                {
                    args.Add(Argument(call, i, parameters[i]));
                }

                break;
            case Builtin.Subst:
                if (call.Arguments[0] is not StringLiteralExpressionSyntax && IsPatternExpression(call.Arguments[0]))
                {
                    var text = EvaluatePattern(call.Arguments[0], reportErrors: true);
                    var translation = text is null ? null : Translate(text, call.Arguments[0].Span);
                    if (translation is not null)
                    {
                        pattern = new BoundPattern(_patterns.Count, text!.Text, translation);
                        _patterns.Add(pattern);
                        _replacementPatterns.Add(pattern.Slot); // its replacement may name any group
                    }

                    args.Add(new BoundLiteralExpression(call.Arguments[0].Span, BoundType.String, text?.Text ?? ""));
                }
                else
                {
                    args.Add(Argument(call, 0, parameters[0]));
                }

                args.Add(Argument(call, 1, parameters[1]));
                args.Add(Argument(call, 2, parameters[2]));
                break;
            case Builtin.Gsub:
                // gsub(s, /re/, "repl"): the regex is compiled at load; a string literal is read as a regex too.
                args.Add(Argument(call, 0, parameters[0]));
                var gsubText = call.Arguments[1] is StringLiteralExpressionSyntax or RegexLiteralExpressionSyntax || IsPatternExpression(call.Arguments[1])
                    ? EvaluatePattern(call.Arguments[1], reportErrors: true)
                    : null;
                if (gsubText is null)
                {
                    Report(DiagnosticMessages.GsubPatternNotLiteral(call.Arguments[1].Span));
                    return ErrorExpression(call.Span);
                }

                var gsubTranslation = Translate(gsubText, call.Arguments[1].Span);
                if (gsubTranslation is null)
                {
                    return ErrorExpression(call.Span);
                }

                pattern = new BoundPattern(_patterns.Count, gsubText.Text, gsubTranslation);
                _patterns.Add(pattern);
                _replacementPatterns.Add(pattern.Slot);
                args.Add(new BoundLiteralExpression(call.Arguments[1].Span, BoundType.String, gsubText.Text));
                args.Add(Argument(call, 2, parameters[2]));
                break;
            case Builtin.Int:
            case Builtin.Float:
            case Builtin.String:
            case Builtin.Bool:
                var operand = BindExpression(call.Arguments[0]);
                return Convert(operand, signature.Result, call.Span, isExplicit: true) is { } converted
                    ? converted with { Span = call.Span }
                    : ErrorExpression(call.Span);
        }

        return new BoundCallExpression(call.Span, signature.Result, builtin, args) { Pattern = pattern };
    }

    private BoundExpression Argument(CallExpressionSyntax call, int index, BoundType type, bool exact = false)
    {
        var bound = BindExpression(call.Arguments[index]);
        if (bound.Type == type)
        {
            return bound;
        }

        if (IsUntypedField(bound) && type is BoundType.Int or BoundType.Float)
        {
            return bound with { Type = type };
        }

        if (!exact && type == BoundType.Int && bound.Type is BoundType.String or BoundType.Float)
        {
            // mtail's checker takes these too: a String is parsed when the line runs, a Float fails on every line.
            return IntOperand(bound, call.Arguments[index].Span, $"{call.Name}()");
        }

        var implicitOk = !exact && (bound.Type, type) is (BoundType.Int or BoundType.Float or BoundType.Bool, BoundType.String) or (BoundType.Bool, BoundType.Int);
        if (!implicitOk)
        {
            Report(DiagnosticMessages.ArgumentType(call.Arguments[index].Span, call.Name, index + 1, type.ToString(), bound.Type.ToString()));
            return new BoundLiteralExpression(bound.Span, type, type switch
            {
                BoundType.Int => 0L,
                BoundType.String => "",
                _ => (object)false,
            });
        }

        return Convert(bound, type, call.Arguments[index].Span)!;
    }
}
