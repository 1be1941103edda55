namespace LogMetrics.Metrics;

/// <summary>A consistent copy of a summary series: the quantile estimates over the window (in the family's quantile
/// order; NaN while the window is empty), and the sum and count of every observation since the series was created.</summary>
public readonly record struct SummarySnapshot(double[] QuantileValues, double Sum, long Count);
