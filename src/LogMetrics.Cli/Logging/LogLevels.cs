using Serilog.Events;

namespace LogMetrics.Cli.Logging;

/// <summary>The --log-level names and their Serilog levels.</summary>
internal static class LogLevels
{
    private static readonly Dictionary<string, LogEventLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["debug"] = LogEventLevel.Debug,
        ["info"] = LogEventLevel.Information,
        ["warn"] = LogEventLevel.Warning,
        ["error"] = LogEventLevel.Error,
    };

    public static string[] Names => [.. Levels.Keys];

    public static LogEventLevel Parse(string name) => Levels.GetValueOrDefault(name, LogEventLevel.Information);
}
