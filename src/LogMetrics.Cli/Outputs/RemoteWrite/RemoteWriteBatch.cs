namespace LogMetrics.Cli.Outputs.RemoteWrite;

/// <summary>One request's body, encoded and compressed once when the samples were taken, so a retry sends it as is
/// and a queued batch costs its compressed size.</summary>
internal sealed record RemoteWriteBatch(byte[] Body, int Samples, long TimestampMs);
