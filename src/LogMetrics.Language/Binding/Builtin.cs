namespace LogMetrics.Language.Binding;

/// <summary>The builtin functions; Basename, Gsub and Parsetime (grok_exporter's template functions) and Fail are LogMetrics
/// additions.</summary>
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
    Fail,
}
