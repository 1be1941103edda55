namespace LogMetrics.Conformance.Tests.Support;

/// <summary>The options a differential run may change, each given to both tools under its own spelling.</summary>
internal sealed record RunSettings
{
    public static readonly RunSettings Default = new();

    /// <summary>mtail --syslog_use_current_year, logmetrics --syslog-use-current-year.</summary>
    public bool SyslogUseCurrentYear { get; init; } = true;

    /// <summary>mtail --emit_prog_label, logmetrics --emit-prog-label.</summary>
    public bool EmitProgLabel { get; init; } = true;
}
