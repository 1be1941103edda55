using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`[hidden] KIND NAME [by K, ...] [as "name"] [buckets B, ...] [le B, ...] [limit N] [help "text"] [init [..], ...]
/// [quantiles Q, ...] [errors E, ...] [max_age D] [retention D]`.</summary>
/// <remarks>`le B1, ..., Bn` declares upper bounds as client_golang does: the buckets are (-Inf, B1], ..., so
/// <see cref="Buckets"/> holds -Inf, B1, ..., Bn (the first bound is the lower edge of the first bucket).</remarks>
internal sealed record MetricDeclarationSyntax(
    SourceSpan Span,
    MetricKindSyntax Kind,
    bool Hidden,
    string Name,
    SourceSpan NameSpan,
    IReadOnlyList<string> Keys,
    IReadOnlyList<SourceSpan> KeySpans,
    string? ExportName,
    IReadOnlyList<double>? Buckets,
    SourceSpan? BucketsSpan,
    int? Limit,
    string? Help,
    IReadOnlyList<LabelSetSyntax> InitialLabelSets) : StatementSyntax(Span)
{
    /// <summary>`quantiles`: summary quantiles in declared order.</summary>
    public IReadOnlyList<double>? Quantiles { get; init; }

    public SourceSpan? QuantilesSpan { get; init; }

    /// <summary>`errors`: the allowed rank error of each quantile.</summary>
    public IReadOnlyList<double>? QuantileErrors { get; init; }

    public SourceSpan? QuantileErrorsSpan { get; init; }

    /// <summary>`max_age`: the summary's sliding window.</summary>
    public TimeSpan? MaxAge { get; init; }

    public SourceSpan? MaxAgeSpan { get; init; }

    /// <summary>Where `limit N` stands, for a diagnostic about N.</summary>
    public SourceSpan? LimitSpan { get; init; }

    /// <summary>`retention`: a label set not updated for this long is removed.</summary>
    public TimeSpan? Retention { get; init; }
}
