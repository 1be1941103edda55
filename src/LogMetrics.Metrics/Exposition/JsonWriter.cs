using System.Text.Encodings.Web;
using System.Text.Json;

namespace LogMetrics.Metrics.Exposition;

/// <summary>JSON in the shape of mtail's /json, including text metrics (hidden ones are never written).</summary>
/// <remarks>
/// An object from export name (unchanged, e.g. "dashed-name") to the list of families of that name, one per
/// program. Numbers are formatted as Go's encoding/json does; NaN and infinities, which JSON lacks, are written
/// as the strings "NaN", "+Inf" and "-Inf" rather than failing the request as mtail does.
/// </remarks>
public static class JsonWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    private const int FlushThreshold = 32 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static void Write(Stream output, IReadOnlyList<MetricFamily> families, ExpositionOptions options)
    {
        var ordered = families
            .Select((family, index) => (family, descriptor: family.Descriptor, index))
            .Where(f => !f.descriptor.Hidden)
            .OrderBy(f => f.descriptor.ExportName, StringComparer.Ordinal)
            .ThenBy(f => f.descriptor.Program, StringComparer.Ordinal)
            .ThenBy(f => f.index)
            .ToList();

        using var json = new Utf8JsonWriter(output, WriterOptions);
        var scratch = new Utf8Scratch();
        json.WriteStartObject();
        string? name = null;
        foreach (var (family, descriptor, _) in ordered)
        {
            if (descriptor.ExportName != name)
            {
                if (name is not null)
                {
                    json.WriteEndArray();
                }

                name = descriptor.ExportName;
                json.WritePropertyName(scratch.Utf8(name));
                json.WriteStartArray();
            }

            WriteFamily(json, family, descriptor, scratch);
        }

        if (name is not null)
        {
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteFamily(Utf8JsonWriter json, MetricFamily family, MetricDescriptor descriptor, Utf8Scratch scratch)
    {
        json.WriteStartObject();
        json.WritePropertyName("Name"u8);
        json.WriteStringValue(scratch.Utf8(descriptor.ExportName));
        json.WritePropertyName("Program"u8);
        json.WriteStringValue(scratch.Utf8(descriptor.Program ?? ""));
        json.WriteNumber("Kind"u8, (int)descriptor.Kind + 1);
        json.WriteNumber("Type"u8, descriptor.Kind switch
        {
            MetricKind.Histogram => (int)MetricValueType.Buckets,
            MetricKind.Summary => (int)MetricValueType.Quantiles,
            _ => (int)descriptor.ValueType,
        });
        if (descriptor.LabelNames.Count > 0)
        {
            json.WriteStartArray("Keys"u8);
            foreach (var label in descriptor.LabelNames)
            {
                json.WriteStringValue(scratch.Utf8(label));
            }

            json.WriteEndArray();
        }

        var series = family.SnapshotSorted();
        var bucketOrder = descriptor.Kind == MetricKind.Histogram ? BucketKeys(family.Bounds) : [];
        var counts = new long[descriptor.Kind == MetricKind.Histogram ? family.BucketCount : 0];
        if (series.Any(s => !s.Removed))
        {
            json.WriteStartArray("LabelValues"u8);
            foreach (var one in series)
            {
                if (!one.Removed)
                {
                    WriteLabelValue(json, one, descriptor, bucketOrder, counts, scratch);
                    if (json.BytesPending > FlushThreshold)
                    {
                        json.Flush();
                    }
                }
            }

            json.WriteEndArray();
        }

        if (descriptor.Source.Length > 0)
        {
            json.WritePropertyName("Source"u8);
            json.WriteStringValue(scratch.Utf8(descriptor.Source));
        }

        if (descriptor.Kind == MetricKind.Histogram)
        {
            // mtail's ranges (b(i-1), b(i)] for i = 1..n, then (bn, +Inf]; Go writes each end with %v, as a string.
            json.WriteStartArray("Buckets"u8);
            var bounds = family.Bounds;
            for (var i = 0; i < family.BucketCount; i++)
            {
                var min = bounds.Length > 0 ? bounds[i] : double.NegativeInfinity;
                var max = i + 1 < bounds.Length ? bounds[i + 1] : double.PositiveInfinity;
                json.WriteStartObject();
                json.WritePropertyName("Min"u8);
                json.WriteStringValue(GoFloatFormatter.FormatG(min));
                json.WritePropertyName("Max"u8);
                json.WriteStringValue(GoFloatFormatter.FormatG(max));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (descriptor.Limit > 0)
        {
            json.WriteNumber("Limit"u8, descriptor.Limit);
        }

        json.WriteEndObject();
    }

    private static void WriteLabelValue(Utf8JsonWriter json, Series series, MetricDescriptor descriptor, (string Key, int Index)[] bucketOrder, long[] counts, Utf8Scratch scratch)
    {
        json.WriteStartObject();
        if (series.Key.Length > 0)
        {
            // The key holds the values in declared order, which is mtail's order of Labels.
            json.WriteStartArray("Labels"u8);
            var reader = new LabelKeyReader(series.Key);
            while (reader.Next(out var segment, out var escaped))
            {
                json.WriteStringValue(scratch.Utf8(escaped ? scratch.Unescape(segment) : segment));
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("Value"u8);
        var timeNs = NanosecondsOf(series.TimestampMs);
        switch (series.ValueType)
        {
            case MetricValueType.Int:
                json.WriteNumber("Value"u8, series.IntValue);
                break;
            case MetricValueType.Float:
                json.WritePropertyName("Value"u8);
                WriteDouble(json, series.FloatValue);
                break;
            case MetricValueType.String:
                json.WritePropertyName("Value"u8);
                json.WriteStringValue(scratch.Utf8(series.TextValue));
                break;
            case MetricValueType.Quantiles:
                // A LogMetrics addition (mtail has no summaries): quantile estimates keyed by the quantile, as in the text.
                var summary = series.ReadSummary();
                json.WriteStartObject("Quantiles"u8);
                for (var i = 0; i < descriptor.Quantiles.Count && i < summary.QuantileValues.Length; i++)
                {
                    json.WritePropertyName(GoFloatFormatter.FormatG(descriptor.Quantiles[i]));
                    WriteDouble(json, summary.QuantileValues[i]);
                }

                json.WriteEndObject();
                json.WriteNumber("Count"u8, summary.Count);
                json.WritePropertyName("Sum"u8);
                WriteDouble(json, summary.Sum);
                break;
            default:
                // Per-bucket (not cumulative) counts keyed by upper bound, as mtail's /json.
                Array.Clear(counts);
                var (sum, count) = series.Histogram?.ReadInto(counts) ?? (0d, 0L);
                json.WriteStartObject("Buckets"u8);
                foreach (var (key, index) in bucketOrder)
                {
                    json.WriteNumber(key, index < counts.Length ? counts[index] : 0);
                }

                json.WriteEndObject();
                json.WriteNumber("Count"u8, count);
                json.WritePropertyName("Sum"u8);
                WriteDouble(json, sum);
                break;
        }

        json.WriteNumber("Time"u8, timeNs);
        json.WriteEndObject();

        var expiry = series.ExpiresAfter;
        if (expiry > TimeSpan.Zero)
        {
            json.WriteNumber("Expiry"u8, expiry.Ticks * TimeSpan.NanosecondsPerTick);
        }

        json.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter json, double value)
    {
        if (!double.IsFinite(value))
        {
            json.WriteStringValue(double.IsNaN(value) ? "NaN"u8 : value > 0 ? "+Inf"u8 : "-Inf"u8);
            return;
        }

        Span<char> chars = stackalloc char[GoFloatFormatter.MaxLength];
        var length = GoFloatFormatter.FormatJson(value, chars);
        Span<byte> bytes = stackalloc byte[GoFloatFormatter.MaxLength];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)chars[i];
        }

        json.WriteRawValue(bytes[..length], skipInputValidation: true);
    }

    // Go marshals the bucket map with its keys ('g'-formatted upper bounds b1..bn and +Inf) sorted as strings.
    private static (string Key, int Index)[] BucketKeys(double[] bounds)
    {
        var keys = new (string Key, int Index)[HistogramState.BucketCountOf(bounds)];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (GoFloatFormatter.FormatG(i + 1 < bounds.Length ? bounds[i + 1] : double.PositiveInfinity), i);
        }

        Array.Sort(keys, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return keys;
    }

    private static long NanosecondsOf(long milliseconds) =>
        milliseconds > long.MaxValue / 1_000_000 ? long.MaxValue
        : milliseconds < long.MinValue / 1_000_000 ? long.MinValue
        : milliseconds * 1_000_000;
}
