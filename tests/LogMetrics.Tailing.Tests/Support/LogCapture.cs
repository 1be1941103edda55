using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace LogMetrics.Tailing.Tests.Support;

/// <summary>A real Serilog logger that keeps every rendered message, so tests can wait for what the tailer says.</summary>
internal sealed class LogCapture : ILogEventSink
{
    private readonly List<string> _messages = [];

    public LogCapture()
    {
        Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
    }

    public Serilog.ILogger Logger { get; }

    public List<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public bool Contains(string text) => Messages.Any(m => m.Contains(text, StringComparison.Ordinal));

    public void Emit(LogEvent logEvent)
    {
        lock (_messages)
        {
            _messages.Add(logEvent.RenderMessage());
        }
    }
}
