namespace LogMetrics.Metrics;

/// <summary>Everything that is fixed about a metric when it is declared.</summary>
public sealed record MetricDescriptor
{
    /// <summary>The name the program uses.</summary>
    public required string Name { get; init; }

    /// <summary>The exported name: the `as` name, else <see cref="Name"/>.</summary>
    public required string ExportName { get; init; }

    /// <summary>The program file's name (e.g. "nginx.rules"), exported as the `prog` label; null for self-metrics.</summary>
    public string? Program { get; init; }

    public required MetricKind Kind { get; init; }

    public required MetricValueType ValueType { get; init; }

    /// <summary>The `by` keys, in declaration order.</summary>
    public IReadOnlyList<string> LabelNames { get; init; } = [];

    /// <summary>Histogram bounds b0 &lt; b1 &lt; ... &lt; bn, without +Inf: b0 is only the lower edge of the first bucket
    /// (buckets le=b1..bn and +Inf are exported; values at or below b0 count in none), and the compiler prepends a 0
    /// when the first declared bound is positive, as mtail does.</summary>
    public IReadOnlyList<double> Buckets { get; init; } = [];

    /// <summary>Summary quantiles (0..1, increasing) in declared order.</summary>
    public IReadOnlyList<double> Quantiles { get; init; } = [];

    /// <summary>Summary: the allowed rank error of each quantile (same order as <see cref="Quantiles"/>).</summary>
    public IReadOnlyList<double> QuantileErrors { get; init; } = [];

    /// <summary>Summary: the sliding window the quantiles cover.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A series not updated for this long is removed (the `retention` clause); zero: never.</summary>
    public TimeSpan Retention { get; init; }

    /// <summary>The `help` text; null means "defined at {Source}".</summary>
    public string? Help { get; init; }

    /// <summary>Where it was declared, "file:line:col-col" as mtail prints it.</summary>
    public string Source { get; init; } = "";

    /// <summary>The `limit` clause; 0 means no limit of its own.</summary>
    public int Limit { get; init; }

    /// <summary>Hidden metrics keep state but are never exported.</summary>
    public bool Hidden { get; init; }

    /// <summary>Label sets declared up front, created with zero values when the family is registered.</summary>
    public IReadOnlyList<IReadOnlyList<string>> InitialLabelSets { get; init; } = [];
}
