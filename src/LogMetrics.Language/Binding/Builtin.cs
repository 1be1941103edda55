namespace LogMetrics.Language.Binding;

public enum Builtin
{
    Bool,
    Float,
    GetFilename,
    Int,
    Len,
    Settime,
    String,
    Strptime,
    Strtol,
    Subst,
    Timestamp,
    Tolower,
}
