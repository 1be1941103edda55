namespace LogMetrics.Metrics.Exposition;

/// <summary>How families are written out.</summary>
public sealed record ExpositionOptions
{
    /// <summary>Adds the `prog` label to program metrics (mtail's --emit_prog_label).</summary>
    public bool EmitProgLabel { get; init; } = true;

    /// <summary>Appends each series' timestamp (mtail's --emit_metric_timestamp).</summary>
    public bool EmitTimestamps { get; init; }
}
