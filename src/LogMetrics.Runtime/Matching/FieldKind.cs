namespace LogMetrics.Runtime.Matching;

/// <summary>What a decoded field holds on the current line; Missing and Null read as not defined.</summary>
internal enum FieldKind : byte
{
    Missing,
    Null,
    String,
    Int,
    Float,
    Bool,
    Object,
    Array,
}
