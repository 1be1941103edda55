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
}
