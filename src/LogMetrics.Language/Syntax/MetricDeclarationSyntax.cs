using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Syntax;

/// <summary>`[hidden] KIND NAME [by K, ...] [as "name"] [buckets B, ...] [limit N] [help "text"] [init [..], ...]`.</summary>
public sealed record MetricDeclarationSyntax(
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
    IReadOnlyList<LabelSetSyntax> InitialLabelSets) : StatementSyntax(Span);
