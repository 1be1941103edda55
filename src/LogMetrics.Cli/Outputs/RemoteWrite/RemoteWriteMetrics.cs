using Prometheus;

namespace LogMetrics.Cli.Outputs.RemoteWrite;

/// <summary>The logmetrics_remote_write_* self-metrics, one child per URL.</summary>
internal sealed class RemoteWriteMetrics(IMetricFactory factory)
{
    private static readonly string[] Url = ["url"];

    public Counter SamplesSent { get; } = factory.CreateCounter("logmetrics_remote_write_samples_sent_total", "Samples the receiver accepted.", Url);

    public Counter SamplesFailed { get; } = factory.CreateCounter("logmetrics_remote_write_samples_failed_total",
        "Samples the receiver refused with a 4xx other than 429; they are not sent again.", Url);

    public Counter SamplesDropped { get; } = factory.CreateCounter("logmetrics_remote_write_samples_dropped_total",
        "Samples dropped unsent: the oldest when the queue was full, and what was left at exit.", Url);

    public Counter Retries { get; } = factory.CreateCounter("logmetrics_remote_write_retries_total",
        "Requests sent again after a 5xx, a 429, a timeout or a connection error.", Url);

    public Gauge QueueSamples { get; } = factory.CreateGauge("logmetrics_remote_write_queue_samples", "Samples waiting to be sent, the one request in flight included.", Url);

    public Gauge QueueCapacity { get; } = factory.CreateGauge("logmetrics_remote_write_queue_capacity_samples", "--remote-write.queue-capacity.", Url);

    public Gauge LastSuccess { get; } = factory.CreateGauge("logmetrics_remote_write_last_success_timestamp_seconds",
        "When the receiver last accepted a request (Unix time).", Url);
}
