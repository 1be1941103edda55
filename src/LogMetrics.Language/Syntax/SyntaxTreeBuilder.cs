using System.Globalization;
using System.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax.Generated;
using static LogMetrics.Language.Syntax.Generated.RulesParser;

namespace LogMetrics.Language.Syntax;

/// <summary>Turns the ANTLR parse tree into our immutable syntax nodes.</summary>
internal sealed class SyntaxTreeBuilder
{
    private readonly string _file;
    private readonly List<Diagnostic> _diagnostics;

    public SyntaxTreeBuilder(string file, List<Diagnostic> diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
    }

    public CompilationUnitSyntax Build(CompilationUnitContext context) =>
        new(Span(context), Statements(context.statementList()));

    private SourceSpan Span(IToken token) =>
        new(_file, token.Line, token.Column + 1, Math.Max(1, token.StopIndex - token.StartIndex + 1));

    private SourceSpan Span(ParserRuleContext context)
    {
        var start = context.Start;
        var stop = context.Stop ?? start;
        var length = stop.StopIndex >= start.StartIndex ? stop.StopIndex - start.StartIndex + 1 : 1;
        return new SourceSpan(_file, start.Line, start.Column + 1, Math.Max(1, length));
    }

    private List<StatementSyntax> Statements(StatementListContext context)
    {
        var result = new List<StatementSyntax>();
        foreach (var statement in context.statement())
        {
            result.Add(Statement(statement));
        }

        return result;
    }

    private BlockSyntax Block(BlockContext context) => new(Span(context), Statements(context.statementList()));

    private StatementSyntax Statement(StatementContext context)
    {
        switch (context)
        {
            case DeclarationStatementContext declaration:
                return Declaration(declaration.metricDeclaration());
            case ConstStatementContext constant:
                return new ConstDeclarationSyntax(Span(context), constant.ID().GetText(), Span(constant.ID().Symbol), Expression(constant.expression()));
            case DecoratorDefinitionStatementContext definition:
                return new DecoratorDefinitionSyntax(Span(context), definition.ID().GetText(), Span(definition.ID().Symbol), Block(definition.block()));
            case DecoratorStatementContext decorator:
                return new DecoratorStatementSyntax(Span(context), decorator.DECO().GetText()[1..], Span(decorator.DECO().Symbol), Block(decorator.block()));
            case OtherwiseStatementContext otherwise:
                return new OtherwiseStatementSyntax(Span(context), Block(otherwise.block()));
            case ConditionalStatementContext conditional:
                var blocks = conditional.block();
                return new ConditionalStatementSyntax(Span(context), Expression(conditional.expression()), Block(blocks[0]), blocks.Length > 1 ? Block(blocks[1]) : null);
            case DeleteStatementContext delete:
                TimeSpan? after = null;
                SourceSpan? afterSpan = null;
                if (delete.DURATION() is { } duration)
                {
                    afterSpan = Span(duration.Symbol);
                    after = ParseDuration(duration.GetText());
                    if (after is null)
                    {
                        _diagnostics.Add(DiagnosticMessages.InvalidDuration(afterSpan.Value, duration.GetText()));
                    }
                }

                return new DeleteStatementSyntax(Span(context), Expression(delete.expression()), after, afterSpan);
            case NextStatementContext:
                return new NextStatementSyntax(Span(context));
            case StopStatementContext:
                return new StopStatementSyntax(Span(context));
            case ExpressionStatementContext expression:
                return new ExpressionStatementSyntax(Span(context), Expression(expression.expression()));
            default:
                throw new InvalidOperationException($"Unknown statement {context.GetType().Name}");
        }
    }

    private MetricDeclarationSyntax Declaration(MetricDeclarationContext context)
    {
        var kind = context.kind.Type switch
        {
            RulesLexer.COUNTER => MetricKindSyntax.Counter,
            RulesLexer.GAUGE => MetricKindSyntax.Gauge,
            RulesLexer.TIMER => MetricKindSyntax.Timer,
            RulesLexer.TEXT => MetricKindSyntax.Text,
            RulesLexer.SUMMARY => MetricKindSyntax.Summary,
            _ => MetricKindSyntax.Histogram,
        };
        var name = context.name.Type == RulesLexer.STRING ? Unquote(context.name.Text) : context.name.Text;
        IReadOnlyList<string> keys = [];
        IReadOnlyList<SourceSpan> keySpans = [];
        string? exportName = null;
        List<double>? buckets = null;
        SourceSpan? bucketsSpan = null;
        int? limit = null;
        string? help = null;
        var initial = new List<LabelSetSyntax>();
        List<double>? quantiles = null, errors = null;
        SourceSpan? quantilesSpan = null, errorsSpan = null, maxAgeSpan = null, limitSpan = null;
        TimeSpan? maxAge = null, retention = null;
        foreach (var clause in context.declarationClause())
        {
            switch (clause)
            {
                case ByClauseContext by:
                    keys = by.labelName().Select(k => k.STRING() is { } s ? Unquote(s.GetText()) : k.GetText()).ToList();
                    keySpans = by.labelName().Select(Span).ToList();
                    break;
                case AsClauseContext asClause:
                    exportName = Unquote(asClause.STRING().GetText());
                    break;
                case BucketsClauseContext bucketsClause:
                    buckets = bucketsClause.bucket().Select(b => Number(b.MINUS() is not null, b.INTLITERAL() ?? b.FLOATLITERAL())).ToList();
                    bucketsSpan = Span(clause);
                    break;
                case LimitClauseContext limitClause:
                    limit = int.TryParse(limitClause.INTLITERAL().GetText(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
                    limitSpan = Span(clause);
                    break;
                case HelpClauseContext helpClause:
                    if (helpClause.ID().GetText() != "help")
                    {
                        _diagnostics.Add(DiagnosticMessages.UnknownClause(Span(helpClause.ID().Symbol), helpClause.ID().GetText()));
                    }

                    help = Unquote(helpClause.STRING().GetText());
                    break;
                case InitClauseContext initClause:
                    if (initClause.ID().GetText() != "init")
                    {
                        _diagnostics.Add(DiagnosticMessages.UnknownClause(Span(initClause.ID().Symbol), initClause.ID().GetText()));
                    }

                    foreach (var set in initClause.labelSet())
                    {
                        initial.Add(new LabelSetSyntax(Span(set), set.literal().Select(LiteralText).ToList()));
                    }

                    break;
                case NumberListClauseContext listClause:
                    var numbers = listClause.bucket().Select(b => Number(b.MINUS() is not null, b.INTLITERAL() ?? b.FLOATLITERAL())).ToList();
                    switch (listClause.ID().GetText())
                    {
                        case "quantiles":
                            quantiles = numbers;
                            quantilesSpan = Span(clause);
                            break;
                        case "errors":
                            errors = numbers;
                            errorsSpan = Span(clause);
                            break;
                        case "le":
                            buckets = [double.NegativeInfinity, .. numbers];
                            bucketsSpan = Span(clause);
                            break;
                        default:
                            _diagnostics.Add(DiagnosticMessages.UnknownClause(Span(listClause.ID().Symbol), listClause.ID().GetText()));
                            break;
                    }

                    break;
                case DurationClauseContext durationClause:
                    var durationText = durationClause.DURATION().GetText();
                    var duration = ParseDuration(durationText);
                    if (duration is null)
                    {
                        _diagnostics.Add(DiagnosticMessages.InvalidDuration(Span(durationClause.DURATION().Symbol), durationText));
                    }

                    switch (durationClause.ID().GetText())
                    {
                        case "max_age":
                            maxAge = duration;
                            maxAgeSpan = Span(clause);
                            break;
                        case "retention":
                            retention = duration;
                            break;
                        default:
                            _diagnostics.Add(DiagnosticMessages.UnknownClause(Span(durationClause.ID().Symbol), durationClause.ID().GetText()));
                            break;
                    }

                    break;
            }
        }

        return new MetricDeclarationSyntax(Span(context), kind, context.HIDDEN_() is not null, name, Span(context.name), keys, keySpans,
            exportName, buckets, bucketsSpan, limit, help, initial)
        {
            Quantiles = quantiles,
            QuantilesSpan = quantilesSpan,
            QuantileErrors = errors,
            QuantileErrorsSpan = errorsSpan,
            MaxAge = maxAge,
            MaxAgeSpan = maxAgeSpan,
            LimitSpan = limitSpan,
            Retention = retention,
        };
    }

    private string LiteralText(LiteralContext literal)
    {
        if (literal.STRING() is { } s)
        {
            return Unquote(s.GetText());
        }

        var number = literal.INTLITERAL() ?? literal.FLOATLITERAL();
        return (literal.MINUS() is null ? "" : "-") + number.GetText();
    }

    private double Number(bool negative, ITerminalNode node)
    {
        if (!double.TryParse(node.GetText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            _diagnostics.Add(DiagnosticMessages.InvalidNumber(Span(node.Symbol), node.GetText()));
        }

        return negative ? -value : value;
    }

    private ExpressionSyntax Expression(ExpressionContext context)
    {
        switch (context)
        {
            case PrimaryExpressionContext primary:
                return Primary(primary.primary());
            case PostfixExpressionContext postfix:
                return new PostfixExpressionSyntax(Span(context), Expression(postfix.expression()),
                    postfix.op.Type == RulesLexer.INC ? SyntaxKind.Increment : SyntaxKind.Decrement);
            case UnaryExpressionContext unary:
                var operand = Expression(unary.expression());
                if (unary.op.Type == RulesLexer.MINUS)
                {
                    // A negative literal stays a literal, as in mtail's lexer.
                    if (operand is IntegerLiteralExpressionSyntax i)
                    {
                        return new IntegerLiteralExpressionSyntax(Span(context), -i.Value, "-" + i.Text);
                    }

                    if (operand is FloatLiteralExpressionSyntax f)
                    {
                        return new FloatLiteralExpressionSyntax(Span(context), -f.Value, "-" + f.Text);
                    }
                }

                return new UnaryExpressionSyntax(Span(context), unary.op.Type switch
                {
                    RulesLexer.TILDE => SyntaxKind.BitwiseNot,
                    RulesLexer.NOT => SyntaxKind.LogicalNot,
                    _ => SyntaxKind.Negate,
                }, operand);
            case BinaryExpressionContext binary:
                return new BinaryExpressionSyntax(Span(context), Expression(binary.expression(0)), BinaryOperator(binary.op.Type), Expression(binary.expression(1)));
            case AssignmentExpressionContext assignment:
                return new AssignmentExpressionSyntax(Span(context), Expression(assignment.expression(0)), assignment.op.Type switch
                {
                    RulesLexer.ASSIGN => SyntaxKind.Assign,
                    RulesLexer.ADD_ASSIGN => SyntaxKind.AddAssign,
                    _ => SyntaxKind.SubtractAssign,
                }, Expression(assignment.expression(1)));
            default:
                throw new InvalidOperationException($"Unknown expression {context.GetType().Name}");
        }
    }

    private static SyntaxKind BinaryOperator(int type) => type switch
    {
        RulesLexer.MUL => SyntaxKind.Multiply,
        RulesLexer.DIV => SyntaxKind.Divide,
        RulesLexer.MOD => SyntaxKind.Modulo,
        RulesLexer.POW => SyntaxKind.Power,
        RulesLexer.PLUS => SyntaxKind.Plus,
        RulesLexer.MINUS => SyntaxKind.Minus,
        RulesLexer.SHL => SyntaxKind.ShiftLeft,
        RulesLexer.SHR => SyntaxKind.ShiftRight,
        RulesLexer.LT => SyntaxKind.Less,
        RulesLexer.LE => SyntaxKind.LessOrEqual,
        RulesLexer.GT => SyntaxKind.Greater,
        RulesLexer.GE => SyntaxKind.GreaterOrEqual,
        RulesLexer.EQ => SyntaxKind.Equal,
        RulesLexer.NE => SyntaxKind.NotEqual,
        RulesLexer.BITAND => SyntaxKind.BitwiseAnd,
        RulesLexer.BITOR => SyntaxKind.BitwiseOr,
        RulesLexer.XOR => SyntaxKind.BitwiseXor,
        RulesLexer.MATCH => SyntaxKind.Match,
        RulesLexer.NOT_MATCH => SyntaxKind.NotMatch,
        RulesLexer.AND => SyntaxKind.LogicalAnd,
        _ => SyntaxKind.LogicalOr,
    };

    private ExpressionSyntax Argument(ArgumentContext context) =>
        context.expression() is { } expression ? Expression(expression) : new WildcardExpressionSyntax(Span(context));

    private ExpressionSyntax Primary(PrimaryContext context)
    {
        switch (context)
        {
            case IndexPrimaryContext index:
                var keys = new List<ExpressionSyntax>();
                foreach (var arguments in index.arguments())
                {
                    keys.AddRange(arguments.argument().Select(Argument));
                }

                return new IndexExpressionSyntax(Span(context), index.ID().GetText(), Span(index.ID().Symbol), keys);
            case CallPrimaryContext call:
                var nameToken = (call.BUILTIN() ?? call.ID()).Symbol;
                var args = call.arguments()?.argument().Select(Argument).ToList() ?? [];
                return new CallExpressionSyntax(Span(context), nameToken.Text, Span(nameToken), args);
            case NamePrimaryContext name:
                return new NameExpressionSyntax(Span(context), name.GetText());
            case IntPrimaryContext integer:
                var text = integer.GetText();
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    _diagnostics.Add(DiagnosticMessages.InvalidNumber(Span(context), text));
                }

                return new IntegerLiteralExpressionSyntax(Span(context), value, text);
            case FloatPrimaryContext number:
                return new FloatLiteralExpressionSyntax(Span(context), Number(false, number.FLOATLITERAL()), number.GetText());
            case StringPrimaryContext str:
                return new StringLiteralExpressionSyntax(Span(context), Unquote(str.GetText()));
            case RegexPrimaryContext regex:
                var raw = regex.GetText()[1..^1];
                return new RegexLiteralExpressionSyntax(Span(context), raw.Replace("\\/", "/", StringComparison.Ordinal), raw);
            case CaprefPrimaryContext capref:
                var head = (capref.CAPREF() ?? capref.CAPREF_NAMED() ?? capref.DOLLAR()).Symbol;
                return new CaptureReferenceExpressionSyntax(Span(context), head.Text[1..])
                {
                    Selectors = capref.fieldSelector().Select(FieldSelector).ToList(),
                };
            case ParenthesizedPrimaryContext parenthesized:
                return Expression(parenthesized.expression());
            default:
                throw new InvalidOperationException($"Unknown primary {context.GetType().Name}");
        }
    }

    private FieldSelectorSyntax FieldSelector(FieldSelectorContext context)
    {
        switch (context)
        {
            case NameSelectorContext name:
                return new FieldSelectorSyntax(Span(context), name.GetText()[1..], null);
            case KeySelectorContext key when key.STRING() is { } str:
                return new FieldSelectorSyntax(Span(context), Unquote(str.GetText()), null);
            default:
                var digits = ((KeySelectorContext)context).INTLITERAL().GetText();
                if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    _diagnostics.Add(DiagnosticMessages.InvalidNumber(Span(context), digits));
                }

                return new FieldSelectorSyntax(Span(context), null, index);
        }
    }

    /// <summary>mtail's string escapes: `\"` becomes `"`; any other backslash is kept.</summary>
    internal static string Unquote(string quoted)
    {
        var body = quoted[1..^1];
        if (!body.Contains('\\', StringComparison.Ordinal))
        {
            return body;
        }

        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length && body[i + 1] == '"')
            {
                builder.Append('"');
                i++;
            }
            else
            {
                builder.Append(body[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Go's time.ParseDuration for the units mtail's lexer accepts, plus `d` for days.</summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        var total = 0.0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (!double.TryParse(text.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            double? unitSeconds = text[unitStart..i] switch
            {
                "ns" => 1e-9,
                "us" or "µs" => 1e-6,
                "ms" => 1e-3,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                "d" => 86400,
                _ => null,
            };
            if (unitSeconds is null)
            {
                return null;
            }

            total += number * unitSeconds.Value;
        }

        return total < TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(total) : null;
    }
}
