using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Binding;

/// <summary>A declared metric with its inferred value type.</summary>
public sealed class MetricSymbol
{
    internal MetricSymbol(MetricDeclarationSyntax declaration, string source)
    {
        Declaration = declaration;
        Source = source;
    }

    public MetricDeclarationSyntax Declaration { get; }

    public string Name => Declaration.Name;

    public MetricKindSyntax Kind => Declaration.Kind;

    public IReadOnlyList<string> Keys => Declaration.Keys;

    public string ExportName => Declaration.ExportName ?? Declaration.Name;

    public bool Hidden => Declaration.Hidden;

    public string? Help => Declaration.Help;

    public int Limit => Declaration.Limit ?? 0;

    /// <summary>"file:line:col-col" of the name, as mtail's HELP "defined at" shows it.</summary>
    public string Source { get; }

    /// <summary>Int, Float or String; histograms are Float.</summary>
    public BoundType ValueType { get; internal set; } = BoundType.Int;

    /// <summary>Histogram bounds with a 0 bound prepended when the first is positive (as mtail does).</summary>
    public IReadOnlyList<double> Buckets
    {
        get
        {
            var declared = Declaration.Buckets ?? [];
            return declared.Count > 0 && declared[0] > 0 ? [0.0, .. declared] : declared;
        }
    }

    public IReadOnlyList<IReadOnlyList<string>> InitialLabelSets => Declaration.InitialLabelSets.Select(s => s.Values).ToList();

    internal bool Used { get; set; }

    /// <summary>Where the first assignment fixed the value type, in the current binding pass.</summary>
    internal Diagnostics.SourceSpan? TypeFixedAt { get; set; }
}
