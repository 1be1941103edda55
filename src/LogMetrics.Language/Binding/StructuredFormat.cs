namespace LogMetrics.Language.Binding;

/// <summary>How a structured pattern decodes its text into fields.</summary>
public enum StructuredFormat
{
    Json,
    Logfmt,
}
