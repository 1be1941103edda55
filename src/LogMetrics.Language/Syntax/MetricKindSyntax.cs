namespace LogMetrics.Language.Syntax;

/// <summary>The declared kind of a metric.</summary>
internal enum MetricKindSyntax
{
    Counter,
    Gauge,
    Timer,
    Text,
    Histogram,
    Summary,
}
