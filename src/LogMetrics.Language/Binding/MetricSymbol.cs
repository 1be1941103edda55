using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Binding;

/// <summary>A declared metric with its inferred value type.</summary>
public sealed class MetricSymbol
{
    internal MetricSymbol(MetricDeclarationSyntax declaration, string source)
    {
        Declaration = declaration;
        Source = source;
        Kind = declaration.Kind switch
        {
            MetricKindSyntax.Counter => BoundMetricKind.Counter,
            MetricKindSyntax.Gauge => BoundMetricKind.Gauge,
            MetricKindSyntax.Timer => BoundMetricKind.Timer,
            MetricKindSyntax.Text => BoundMetricKind.Text,
            MetricKindSyntax.Histogram => BoundMetricKind.Histogram,
            MetricKindSyntax.Summary => BoundMetricKind.Summary,
            _ => throw new ArgumentOutOfRangeException(nameof(declaration), declaration.Kind, null),
        };
    }

    internal MetricDeclarationSyntax Declaration { get; }

    public string Name => Declaration.Name;

    public BoundMetricKind Kind { get; }

    public IReadOnlyList<string> Keys => Declaration.Keys;

    public string ExportName => Declaration.ExportName ?? Declaration.Name;

    public bool Hidden => Declaration.Hidden;

    public string? Help => Declaration.Help;

    public int Limit => Declaration.Limit ?? 0;

    /// <summary>"file:line:col-col" of the name, as mtail's HELP "defined at" shows it.</summary>
    public string Source { get; }

    /// <summary>Int, Float or String; histograms and summaries are Float.</summary>
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

    /// <summary>grok_exporter's and client_golang's default objectives when a summary declares none.</summary>
    public static readonly IReadOnlyList<double> DefaultQuantiles = [0.5, 0.9, 0.99];

    /// <summary>Summary quantiles; the defaults 0.5, 0.9, 0.99 when none are declared.</summary>
    public IReadOnlyList<double> Quantiles => Kind == BoundMetricKind.Summary ? Declaration.Quantiles ?? DefaultQuantiles : [];

    /// <summary>The allowed rank error per quantile: declared, else min(q, 1 - q) / 10, which gives client_golang's
    /// defaults 0.05, 0.01 and 0.001 for 0.5, 0.9 and 0.99.</summary>
    public IReadOnlyList<double> QuantileErrors =>
        Declaration.QuantileErrors ?? Quantiles.Select(q => Math.Max(1e-4, Math.Min(q, 1 - q) / 10)).ToList();

    /// <summary>The summary's window; 10m by default, as in client_golang and grok_exporter.</summary>
    public TimeSpan MaxAge => Declaration.MaxAge ?? TimeSpan.FromMinutes(10);

    /// <summary>Idle time after which a label set is removed; zero: never.</summary>
    public TimeSpan Retention => Declaration.Retention ?? TimeSpan.Zero;

    public IReadOnlyList<IReadOnlyList<string>> InitialLabelSets => Declaration.InitialLabelSets.Select(s => s.Values).ToList();

    internal bool Used { get; set; }

    /// <summary>Where the first assignment fixed the value type, in the current binding pass.</summary>
    internal Diagnostics.SourceSpan? TypeFixedAt { get; set; }
}
