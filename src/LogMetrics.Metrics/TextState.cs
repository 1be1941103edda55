namespace LogMetrics.Metrics;

/// <summary>The value of a string-typed series.</summary>
internal sealed class TextState : SeriesState
{
    private string _text = "";

    public string Text
    {
        get => Volatile.Read(ref _text);
        set => Volatile.Write(ref _text, value);
    }
}
