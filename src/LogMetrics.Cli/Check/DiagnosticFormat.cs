namespace LogMetrics.Cli.Check;

/// <summary>How `check` writes diagnostics: for people (text, on stderr) or for editors and CI (JSON lines, on stdout).</summary>
internal enum DiagnosticFormat
{
    Text,
    Json,
}
