namespace LogMetrics.Metrics.Exposition;

/// <summary>What writing one family's samples needs: the family, the sample name and the `le` (histogram) or
/// `quantile` (summary) labels.</summary>
internal readonly record struct SeriesContext(ExportedFamily Member, byte[] SampleName, byte[][] LeLabels);
