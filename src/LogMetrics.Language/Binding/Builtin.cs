namespace LogMetrics.Language.Binding;

/// <summary>The builtin functions; Basename, Gsub and Parsetime are LogMetrics additions (grok_exporter's template functions).</summary>
public enum Builtin
{
    Basename,
    Bool,
    Float,
    GetFilename,
    Gsub,
    Int,
    Parsetime,
    Len,
    Settime,
    String,
    Strptime,
    Strtol,
    Subst,
    Timestamp,
    Tolower,
}
