namespace LogMetrics.Cli.Import;

/// <summary>One line of the import report, at a position in the YAML file (1-based; 0 when it has none).</summary>
internal sealed record ImportMessage(ImportSeverity Severity, int Line, int Column, string Text)
{
    /// <summary>The file the position is in when it is not the config itself (a file of a metrics import); null or
    /// empty for the config.</summary>
    public string? File { get; init; }

    public string Format(string file) =>
        (Line > 0 ? $"{Where(file)}:{Line}:{Column}: " : $"{Where(file)}: ") + Severity.ToString().ToLowerInvariant() + ": " + Text;

    private string Where(string file) => string.IsNullOrEmpty(File) ? file : File;
}

/// <summary>Error: the config cannot be run as it is. Warning: translated, but not exactly as grok_exporter does it.
/// Note: a setting LogMetrics handles elsewhere (a flag), said how.</summary>
internal enum ImportSeverity
{
    Error,
    Warning,
    Note,
}
