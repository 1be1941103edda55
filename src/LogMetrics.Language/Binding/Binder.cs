using System.Runtime.CompilerServices;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Patterns;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Binding;

/// <summary>
/// Resolves names, checks and types a program. Metric value types are inferred from what is assigned to them,
/// so binding runs until those types stop changing; only the last pass's diagnostics are kept.
/// </summary>
internal sealed partial class Binder
{
    private readonly string _file;
    private readonly GrokLibrary _grok;
    private readonly Dictionary<MetricDeclarationSyntax, BoundType> _inferred;
    private readonly Dictionary<MetricDeclarationSyntax, MetricSymbol> _metrics = [];
    private readonly Dictionary<ConstDeclarationSyntax, ConstSymbol> _consts = [];
    private readonly Dictionary<DecoratorDefinitionSyntax, DecoratorSymbol> _decorators = [];
    private readonly Dictionary<string, RegexTranslation> _translations;
    private readonly HashSet<string> _decoratorNames = new(StringComparer.Ordinal);
    private readonly List<BoundPattern> _patterns = [];

    /// <summary>By pattern slot, the groups some capture reference reads.</summary>
    private readonly Dictionary<int, HashSet<int>> _readGroups = [];

    /// <summary>Pattern slots of subst(), whose replacement text may read any group.</summary>
    private readonly HashSet<int> _replacementPatterns = [];
    private readonly List<Diagnostic> _diagnostics = [];
    /// <summary>
    /// What a `next` stands for: the decorated block of the decorator being expanded, or null while a definition is
    /// checked on its own. InDefinition and Suppress: the state at the decorator's use site, restored for the decorated block.
    /// </summary>
    private readonly Stack<(BlockSyntax? Block, bool InDefinition, int Suppress)> _nextBlocks = new();

    /// <summary>Decorators whose definition is being checked, and those being expanded (innermost last).</summary>
    private readonly HashSet<DecoratorSymbol> _defining = [];
    private readonly List<DecoratorSymbol> _expanding = [];
    private int _expansions;
    private int _depth;
    private bool _tooDeep;
    private bool _inDefinition;
    private BoundScope _scope = new(null);
    private int _suppress;
    private bool _typesChanged;

    private Binder(string file, GrokLibrary grok, Dictionary<MetricDeclarationSyntax, BoundType> inferred, Dictionary<string, RegexTranslation> translations)
    {
        _file = file;
        _grok = grok;
        _inferred = inferred;
        _translations = translations;
    }

    public static BoundProgram? Bind(string file, CompilationUnitSyntax unit, GrokLibrary grok, List<Diagnostic> diagnostics)
    {
        var inferred = new Dictionary<MetricDeclarationSyntax, BoundType>();
        var translations = new Dictionary<string, RegexTranslation>(StringComparer.Ordinal);
        for (var pass = 0; ; pass++)
        {
            var binder = new Binder(file, grok, inferred, translations);
            var program = binder.BindUnit(unit);
            if (!binder._typesChanged || pass >= 8)
            {
                diagnostics.AddRange(binder._diagnostics);
                return binder._diagnostics.Any(d => d.IsError) ? null : program;
            }
        }
    }

    private void Report(Diagnostic diagnostic)
    {
        if (_suppress == 0)
        {
            _diagnostics.Add(diagnostic);
        }
    }

    private BoundProgram BindUnit(CompilationUnitSyntax unit)
    {
        CollectDecoratorNames(unit.Statements);
        var body = BindStatements(unit.Span, unit.Statements);
        foreach (var metric in _metrics.Values.Where(m => !m.Used))
        {
            Report(DiagnosticMessages.UnusedMetric(metric.Declaration.NameSpan, metric.Name));
        }

        foreach (var constant in _consts.Values.Where(c => !c.Used))
        {
            Report(DiagnosticMessages.UnusedConst(constant.Declaration.NameSpan, constant.Declaration.Name));
            if (constant.Pattern is { } unused)
            {
                // Never joined into a pattern: checked on its own, so that a typo in it is not silent.
                Translate(unused, constant.Declaration.Value.Span);
            }
        }

        foreach (var decorator in _decorators.Values.Where(d => !d.Used))
        {
            Report(DiagnosticMessages.UnusedDecorator(decorator.Definition.NameSpan, decorator.Definition.Name));
        }

        var patterns = _patterns
            .Select(p => p with
            {
                ReadGroups = _replacementPatterns.Contains(p.Slot) ? null
                    : _readGroups.TryGetValue(p.Slot, out var read) ? read : new HashSet<int>(),
            })
            .ToList();
        return new BoundProgram(_file, _metrics.Values.ToList(), patterns, body) { StructuredPatterns = StructuredPatternsWithFields() };
    }

    private void CollectDecoratorNames(IEnumerable<StatementSyntax> statements)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case DecoratorDefinitionSyntax definition:
                    _decoratorNames.Add(definition.Name);
                    break;
                case ConditionalStatementSyntax conditional:
                    CollectDecoratorNames(conditional.Then.Statements);
                    CollectDecoratorNames(conditional.Else?.Statements ?? []);
                    break;
                case DecoratorStatementSyntax decorated:
                    CollectDecoratorNames(decorated.Body.Statements);
                    break;
                case OtherwiseStatementSyntax otherwise:
                    CollectDecoratorNames(otherwise.Body.Statements);
                    break;
            }
        }
    }

    private BoundBlock BindBlock(BlockSyntax block, BoundScope? scope = null)
    {
        if (!Enter(block.Span))
        {
            return new BoundBlock(block.Span, []);
        }

        var saved = _scope;
        _scope = scope ?? new BoundScope(_scope);
        try
        {
            return BindStatements(block.Span, block.Statements);
        }
        finally
        {
            _scope = saved;
            _depth--;
        }
    }

    /// <summary>
    /// Counts one level of nesting (blocks, expressions, decorator bodies inlined at their use). Past the limit the
    /// program is refused with one diagnostic, so that no program can overflow the stack of the binder or of the
    /// compiled program. False when the caller must not go deeper; otherwise the caller leaves with _depth--.
    /// </summary>
    private bool Enter(SourceSpan span)
    {
        // The stack check is a backstop for a thread with a small stack; the depth limit makes the verdict the same everywhere.
        if (_depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            if (!_tooDeep)
            {
                _tooDeep = true;
                var suppressed = _suppress;
                _suppress = 0;
                Report(DiagnosticMessages.ProgramTooDeep(span, MaxDepth));
                _suppress = suppressed;
            }

            return false;
        }

        _depth++;
        return true;
    }

    /// <summary>Blocks and expressions nested, counted through inlined decorators: far above mtail's own AST depth limit of 100.</summary>
    internal const int MaxDepth = 2500;

    /// <summary>Decorator bodies inlined in one program, all uses together: each use copies the body, so nested uses multiply.</summary>
    internal const int MaxExpansions = 100_000;

    private BoundBlock BindStatements(SourceSpan span, IReadOnlyList<StatementSyntax> statements)
    {
        var result = new List<BoundStatement>();
        foreach (var statement in statements)
        {
            var bound = BindStatement(statement);
            if (bound is not null)
            {
                result.Add(bound);
            }
        }

        return new BoundBlock(span, result);
    }

    private BoundStatement? BindStatement(StatementSyntax statement)
    {
        switch (statement)
        {
            case MetricDeclarationSyntax declaration:
                BindMetricDeclaration(declaration);
                return null;
            case ConstDeclarationSyntax constant:
                BindConstDeclaration(constant);
                return null;
            case DecoratorDefinitionSyntax definition:
                BindDecoratorDefinition(definition);
                return null;
            case DecoratorStatementSyntax decorated:
                return BindDecoratorStatement(decorated);
            case ConditionalStatementSyntax conditional:
                return BindConditional(conditional);
            case OtherwiseStatementSyntax otherwise:
                return new BoundConditionalStatement(otherwise.Span, null, BindBlock(otherwise.Body), null);
            case DeleteStatementSyntax delete:
                return BindDelete(delete);
            case NextStatementSyntax next:
                return BindNext(next);
            case StopStatementSyntax stop:
                return new BoundStopStatement(stop.Span);
            case ExpressionStatementSyntax expression:
                return BindExpressionStatement(expression);
            default:
                throw new InvalidOperationException($"Unknown statement {statement.GetType().Name}");
        }
    }

    private void CheckSummaryClauses(MetricDeclarationSyntax declaration)
    {
        var isSummary = declaration.Kind == MetricKindSyntax.Summary;
        if (!isSummary)
        {
            foreach (var (span, clause) in new[] { (declaration.QuantilesSpan, "quantiles"), (declaration.QuantileErrorsSpan, "errors"), (declaration.MaxAgeSpan, "max_age") })
            {
                if (span is { } at)
                {
                    Report(DiagnosticMessages.SummaryClauseOnNonSummary(at, clause, declaration.Name));
                }
            }

            return;
        }

        var quantiles = declaration.Quantiles ?? MetricSymbol.DefaultQuantiles;
        for (var i = 0; i < quantiles.Count; i++)
        {
            if (!(quantiles[i] >= 0 && quantiles[i] <= 1) || (i > 0 && !(quantiles[i] > quantiles[i - 1])))
            {
                Report(DiagnosticMessages.InvalidQuantiles(declaration.QuantilesSpan ?? declaration.Span, declaration.Name));
                break;
            }
        }

        if (declaration.QuantileErrors is { } errors
            && (errors.Count != quantiles.Count || errors.Any(e => !(e > 0 && e < 1))))
        {
            Report(DiagnosticMessages.InvalidQuantileErrors(declaration.QuantileErrorsSpan ?? declaration.Span, declaration.Name, quantiles.Count));
        }

        if (declaration.MaxAge is { } maxAge && maxAge < TimeSpan.FromSeconds(1))
        {
            Report(DiagnosticMessages.InvalidMaxAge(declaration.MaxAgeSpan ?? declaration.Span, declaration.Name));
        }
    }

    private bool CheckRedeclaration(string name, SourceSpan span)
    {
        var previous = _scope.Lookup(name);
        if (previous is null)
        {
            return true;
        }

        var previousSpan = previous switch
        {
            MetricSymbol m => m.Declaration.NameSpan,
            ConstSymbol c => c.Declaration.NameSpan,
            DecoratorSymbol d => d.Definition.NameSpan,
            _ => span,
        };
        Report(DiagnosticMessages.Redeclaration(span, name, previousSpan));
        return false;
    }

    private void BindMetricDeclaration(MetricDeclarationSyntax declaration)
    {
        if (_metrics.TryGetValue(declaration, out var existing))
        {
            // The same declaration bound again (a decorator body inlined at its use).
            _scope.Declare(declaration.Name, existing);
            return;
        }

        if (!CheckRedeclaration(declaration.Name, declaration.NameSpan))
        {
            return;
        }

        var name = declaration.NameSpan;
        // As mtail's position.String: the end column only when it differs from the start (a one-letter name is "5:9").
        var end = name.Column + name.Length - 1;
        var source = end > name.Column ? $"{_file}:{name.Line}:{name.Column}-{end}" : $"{_file}:{name.Line}:{name.Column}";
        var metric = new MetricSymbol(declaration, source);
        metric.ValueType = declaration.Kind switch
        {
            MetricKindSyntax.Text => BoundType.String,
            MetricKindSyntax.Histogram or MetricKindSyntax.Summary => BoundType.Float,
            _ => _inferred.GetValueOrDefault(declaration, BoundType.Int),
        };
        _metrics[declaration] = metric;
        _scope.Declare(declaration.Name, metric);

        for (var i = 0; i < declaration.Keys.Count; i++)
        {
            if (declaration.Keys[i] == "prog")
            {
                Report(DiagnosticMessages.ProgLabel(declaration.KeySpans[i]));
            }
        }

        if (declaration.Buckets is { } buckets)
        {
            if (declaration.Kind != MetricKindSyntax.Histogram)
            {
                Report(DiagnosticMessages.BucketsOnNonHistogram(declaration.BucketsSpan ?? declaration.Span, declaration.Name));
            }
            else if (buckets.Count < 2)
            {
                Report(DiagnosticMessages.HistogramNeedsBuckets(declaration.BucketsSpan ?? declaration.Span, declaration.Name));
            }
            else
            {
                var increasing = true;
                for (var i = 1; i < buckets.Count && increasing; i++)
                {
                    increasing = buckets[i] > buckets[i - 1];
                }

                if (!increasing)
                {
                    Report(DiagnosticMessages.BucketsNotIncreasing(declaration.BucketsSpan ?? declaration.Span, declaration.Name));
                }
                else if (buckets[0] >= 0)
                {
                    // mtail's quirk, kept: values <= the lower edge are lost from the buckets. A 0 (or positive) edge loses
                    // every 0 observed, which durations logged in whole milliseconds or as 0.000 are full of.
                    Report(DiagnosticMessages.ObservationsBelowFirstBucket(declaration.BucketsSpan ?? declaration.Span, declaration.Name));
                }
            }
        }
        else if (declaration.Kind == MetricKindSyntax.Histogram)
        {
            Report(DiagnosticMessages.HistogramNeedsBuckets(declaration.NameSpan, declaration.Name));
        }

        CheckSummaryClauses(declaration);

        if (declaration.Limit is < 0)
        {
            Report(DiagnosticMessages.InvalidLimit(declaration.LimitSpan ?? declaration.Span, declaration.Name));
        }

        foreach (var set in declaration.InitialLabelSets)
        {
            if (set.Values.Count != declaration.Keys.Count)
            {
                Report(DiagnosticMessages.InitLabelSetSize(set.Span, declaration.Name, declaration.Keys.Count, set.Values.Count));
            }
        }
    }

    private void BindConstDeclaration(ConstDeclarationSyntax constant)
    {
        if (_consts.TryGetValue(constant, out var existing))
        {
            _scope.Declare(constant.Name, existing);
            return;
        }

        if (!CheckRedeclaration(constant.Name, constant.NameSpan))
        {
            return;
        }

        // Not compiled on its own: as in mtail, fragments are joined as text first, so one may open a group that a
        // later one closes (`const A /x=(?P<x>/`, `/` + A + `/\d+)/`). The joined pattern is checked where it is used.
        var pattern = EvaluatePattern(constant.Value, reportErrors: true);
        var symbol = new ConstSymbol(constant, pattern);
        _consts[constant] = symbol;
        _scope.Declare(constant.Name, symbol);
    }

    private void BindDecoratorDefinition(DecoratorDefinitionSyntax definition)
    {
        if (_decorators.TryGetValue(definition, out var existing))
        {
            _scope.Declare(definition.Name, existing);
            return;
        }

        // As in mtail, a definition may shadow one of an enclosing block (each block is a scope of its own).
        if (_scope.LookupLocal(definition.Name) is { } previous)
        {
            Report(DiagnosticMessages.Redeclaration(definition.NameSpan, definition.Name, previous switch
            {
                MetricSymbol m => m.Declaration.NameSpan,
                ConstSymbol c => c.Declaration.NameSpan,
                DecoratorSymbol d => d.Definition.NameSpan,
                _ => definition.NameSpan,
            }));
            return;
        }

        var count = CountNext(definition.Body.Statements);
        if (count != 1)
        {
            Report(DiagnosticMessages.DecoratorNextCount(definition.NameSpan, definition.Name, count));
        }

        var symbol = new DecoratorSymbol(definition);
        _decorators[definition] = symbol;
        _scope.Declare(definition.Name, symbol);

        // Checked once here; at each use the body is bound again around the decorated block, silently.
        _nextBlocks.Push((null, true, _suppress));
        _defining.Add(symbol);
        var inDefinition = _inDefinition;
        _inDefinition = true;
        try
        {
            BindBlock(definition.Body);
        }
        finally
        {
            _inDefinition = inDefinition;
            _defining.Remove(symbol);
            _nextBlocks.Pop();
        }
    }

    /// <summary>The `next` statements of a definition's body, nested blocks included (iterative: blocks may nest deeply).</summary>
    private static int CountNext(IEnumerable<StatementSyntax> statements)
    {
        var count = 0;
        var pending = new Stack<StatementSyntax>(statements);
        while (pending.TryPop(out var statement))
        {
            IEnumerable<StatementSyntax> nested = statement switch
            {
                NextStatementSyntax => [],
                ConditionalStatementSyntax c => c.Then.Statements.Concat(c.Else?.Statements ?? []),
                OtherwiseStatementSyntax o => o.Body.Statements,
                DecoratorStatementSyntax d => d.Body.Statements,
                _ => [],
            };
            count += statement is NextStatementSyntax ? 1 : 0;
            foreach (var inner in nested)
            {
                pending.Push(inner);
            }
        }

        return count;
    }

    private BoundStatement? BindDecoratorStatement(DecoratorStatementSyntax decorated)
    {
        if (_scope.Lookup(decorated.Name) is not DecoratorSymbol decorator)
        {
            Report(_decoratorNames.Contains(decorated.Name)
                ? DiagnosticMessages.DecoratorUsedBeforeDefinition(decorated.NameSpan, decorated.Name)
                : DiagnosticMessages.UnknownDecorator(decorated.NameSpan, decorated.Name));
            return BindBlock(decorated.Body);
        }

        decorator.Used = true;
        if (_defining.Contains(decorator) || _expanding.Contains(decorator))
        {
            // mtail: "Decorator `@x' is not completely defined yet".
            Report(DiagnosticMessages.DecoratorUsedInItsDefinition(decorated.NameSpan, decorated.Name));
            return BindBlock(decorated.Body);
        }

        if (++_expansions > MaxExpansions)
        {
            if (_expansions == MaxExpansions + 1)
            {
                var suppressed = _suppress;
                _suppress = 0;
                Report(DiagnosticMessages.TooManyDecoratorExpansions(decorated.NameSpan, MaxExpansions));
                _suppress = suppressed;
            }

            return null;
        }

        _nextBlocks.Push((decorated.Body, _inDefinition, _suppress));
        _expanding.Add(decorator);
        _suppress++;
        var inDefinition = _inDefinition;
        _inDefinition = true;
        try
        {
            return BindBlock(decorator.Definition.Body);
        }
        finally
        {
            _inDefinition = inDefinition;
            _suppress--;
            _expanding.RemoveAt(_expanding.Count - 1);
            _nextBlocks.Pop();
        }
    }

    private BoundStatement? BindNext(NextStatementSyntax next)
    {
        // `next` belongs in the text of a `def`; a decorated block (`@x { next }`) outside one is no place for it.
        if (!_inDefinition || _nextBlocks.Count == 0)
        {
            Report(DiagnosticMessages.NextOutsideDecorator(next.Span));
            return null;
        }

        var frame = _nextBlocks.Peek();
        if (frame.Block is null)
        {
            return null;
        }

        // The decorated block is bound as at its use site (where a `next` in it means the enclosing decorator's), and
        // sees the decorator's captures; its own diagnostics are reported.
        _nextBlocks.Pop();
        var suppressed = _suppress;
        _suppress = frame.Suppress;
        var inDefinition = _inDefinition;
        _inDefinition = frame.InDefinition;
        try
        {
            return BindBlock(frame.Block);
        }
        finally
        {
            _inDefinition = inDefinition;
            _suppress = suppressed;
            _nextBlocks.Push(frame);
        }
    }

    private BoundStatement BindConditional(ConditionalStatementSyntax conditional)
    {
        var saved = _scope;
        _scope = new BoundScope(_scope);
        BoundExpression condition;
        BoundBlock then;
        try
        {
            condition = BindCondition(conditional.Condition);
            then = BindBlock(conditional.Then, new BoundScope(_scope));
        }
        finally
        {
            _scope = saved;
        }

        var otherwise = conditional.Else is null ? null : BindBlock(conditional.Else);
        return new BoundConditionalStatement(conditional.Span, condition, then, otherwise);
    }

    private BoundStatement? BindDelete(DeleteStatementSyntax delete)
    {
        var (metric, keys) = BindMetricTarget(delete.Target, allowWildcard: true);
        if (metric is null)
        {
            return null;
        }

        if (delete.After is not null && keys.OfType<BoundWildcardExpression>().FirstOrDefault() is { } wildcard)
        {
            Report(DiagnosticMessages.WildcardNotAllowed(wildcard.Span));
            return null;
        }

        if (metric.Keys.Count == 0)
        {
            Report(DiagnosticMessages.DeleteOnScalar(delete.Target.Span, metric.Name));
            return null;
        }

        return new BoundDeleteStatement(delete.Span, metric, keys, delete.After);
    }

    private BoundStatement? BindExpressionStatement(ExpressionStatementSyntax statement)
    {
        switch (statement.Expression)
        {
            case AssignmentExpressionSyntax assignment:
                return BindAssignment(assignment);
            case PostfixExpressionSyntax postfix:
                return BindIncrement(postfix);
            case RegexLiteralExpressionSyntax or BinaryExpressionSyntax or UnaryExpressionSyntax
                when statement.Expression.Span.Line == statement.Span.Line && statement.Expression.Span.Column == statement.Span.Column:
                // mtail's grammar takes as a statement only an assignment, x++ or a primary (a call, a name, a literal,
                // a parenthesised expression): "statement with no effect, missing an assignment, `+' concatenation,
                // or `{}' block?". A bare pattern is the usual case: its block is missing.
                Report(DiagnosticMessages.StatementWithoutEffect(statement.Span, IsPatternExpression(statement.Expression)));
                return null;
            default:
                var expression = BindExpression(statement.Expression);
                return new BoundExpressionStatement(statement.Span, expression);
        }
    }

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
