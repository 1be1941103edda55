using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Binding;

/// <summary>Declarations: metrics (with their summary clauses), consts and decorator definitions.</summary>
internal sealed partial class Binder
{
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
}
