namespace LogMetrics.Language.Diagnostics;

/// <summary>One message about a program. Codes: LM1xxx syntax, LM2xxx binding and types, LM3xxx patterns.</summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, SourceSpan Span, string Message, string? Hint = null)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>"file:line:col: error LM2003: message".</summary>
    public override string ToString() =>
        $"{Span.File}:{Span.Line}:{Span.Column}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
