namespace LogMetrics.Tailing.Records;

/// <summary>
/// A stage between line splitting and the sink that may hold lines back until it knows where a record ends.
/// </summary>
internal interface IHoldingStage
{
    /// <summary>Where the oldest held line began in the source's bytes; null when nothing is held.</summary>
    long? HeldFrom { get; }

    /// <summary>Hands on what is held, as it is (the source ended, was truncated or rotated away).</summary>
    void Flush();

    /// <summary>Hands on what has been held longer than the stage waits without a new line.</summary>
    void FlushIdle(long nowMs);
}
