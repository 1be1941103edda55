namespace LogMetrics.Metrics.Exposition;

/// <summary>JSON in the shape of mtail's /json, including text metrics (hidden ones are never written).</summary>
public static class JsonWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    public static void Write(Stream output, IReadOnlyList<MetricFamily> families, ExpositionOptions options) => throw new NotImplementedException();
}
