namespace LogMetrics.Cli.Web;

/// <summary>A web config file that cannot be used; the message says why.</summary>
internal sealed class WebConfigException(string message) : Exception(message);
