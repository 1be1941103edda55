using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace LogMetrics.Cli.Logging;

/// <summary>Builds LogMetrics' own logger: everything goes to stderr, as text or JSON lines.</summary>
internal static class LogConfiguration
{
    public static ILogger Create(LogOutputFormat format, LogEventLevel level)
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Is(level);
        configuration = format == LogOutputFormat.Json
            ? configuration.WriteTo.Console(new JsonFormatter(renderMessage: true), standardErrorFromLevel: LogEventLevel.Verbose)
            : configuration.WriteTo.Console(
                outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} {Level:u3} {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose);
        return configuration.CreateLogger();
    }
}
