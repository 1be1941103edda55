namespace LogMetrics.Language.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}
