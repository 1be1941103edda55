using LogMetrics.Cli.Daemon;
using LogMetrics.Runtime;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace LogMetrics.Cli.Tests.Daemon;

public sealed class RuntimeErrorLogTests
{
    [Fact]
    public void LogsAtMostOncePerProgramPerIntervalWithTheSuppressedCount()
    {
        var sink = new CollectingSink();
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        var time = new ManualTime();
        var errors = new RuntimeErrorLog(logger, time, TimeSpan.FromSeconds(10));

        errors.OnRuntimeError(new RuntimeErrorEventArgs("a.rules", "a.rules:3:1", "divide by zero"));
        errors.OnRuntimeError(new RuntimeErrorEventArgs("a.rules", "a.rules:3:1", "divide by zero"));
        errors.OnRuntimeError(new RuntimeErrorEventArgs("a.rules", "a.rules:3:1", "divide by zero"));
        errors.OnRuntimeError(new RuntimeErrorEventArgs("b.rules", "b.rules:1:1", "bad number"));
        Assert.Equal(2, sink.Events.Count);

        time.Advance(TimeSpan.FromSeconds(11));
        errors.OnRuntimeError(new RuntimeErrorEventArgs("a.rules", "a.rules:3:1", "divide by zero"));
        Assert.Equal(3, sink.Events.Count);
        var last = sink.Events[^1];
        Assert.Equal("2", last.Properties["Suppressed"].ToString());
        Assert.Equal("\"a.rules\"", last.Properties["Program"].ToString());
        Assert.Equal(LogEventLevel.Warning, last.Level);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
