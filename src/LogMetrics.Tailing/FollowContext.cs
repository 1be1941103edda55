using LogMetrics.Lines;

namespace LogMetrics.Tailing;

/// <summary>What every follower shares: the options, the user's sink and the log.</summary>
internal sealed record FollowContext(TailOptions Options, ILineSink Sink, Serilog.ILogger Log);
