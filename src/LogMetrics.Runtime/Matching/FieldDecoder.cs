namespace LogMetrics.Runtime.Matching;

/// <summary>The matcher of a structured pattern: decodes a text into the fields the program reads.</summary>
internal abstract class FieldDecoder
{
    /// <summary>True when the whole text decodes; the fields hold the values found (absent ones stay missing).</summary>
    public abstract bool Decode(ReadOnlySpan<char> text, StructuredFields fields);
}
