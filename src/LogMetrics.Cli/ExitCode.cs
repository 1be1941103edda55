namespace LogMetrics.Cli;

/// <summary>Every exit code the `logmetrics` executable returns.</summary>
public enum ExitCode
{
    /// <summary>The command did what was asked.</summary>
    Success = 0,

    /// <summary>Compile errors, a test diff, a pattern error, or no match.</summary>
    Failure = 1,

    /// <summary>Bad command line.</summary>
    Usage = 2,

    /// <summary>The daemon could not start (unreadable web config, bad certificate, port in use).</summary>
    StartupError = 3,
}
