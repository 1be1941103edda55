namespace LogMetrics.Lines;

/// <summary>Receives lines in order per source. Called from reader threads; must not block for long.</summary>
public interface ILineSink
{
    void OnLines(LineBatch batch);
}
