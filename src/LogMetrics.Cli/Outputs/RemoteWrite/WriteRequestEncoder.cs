using Google.Protobuf;
using Snappier;

namespace LogMetrics.Cli.Outputs.RemoteWrite;

/// <summary>
/// Encodes remote_write 1.0 requests: a prometheus.WriteRequest (timeseries = 1; TimeSeries: labels = 1, samples = 2;
/// Label: name = 1, value = 2; Sample: value = 1 (double), timestamp = 2 (int64 ms)), snappy block compressed.
/// Written field by field with Google.Protobuf's CodedOutputStream; the three messages do not need generated code.
/// </summary>
internal static class WriteRequestEncoder
{
    private const int LabelsField = 1;
    private const int SamplesField = 2;

    /// <summary>One sample per series, all at <paramref name="timestampMs"/>. Each series' labels must be sorted by name.</summary>
    public static byte[] Encode(IReadOnlyList<(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value)> series, long timestampMs)
    {
        var sampleSize = SampleSize(timestampMs);
        var sizes = new int[series.Count];
        var total = 0;
        for (var i = 0; i < series.Count; i++)
        {
            var size = 0;
            foreach (var label in series[i].Labels)
            {
                size += 1 + Length(LabelSize(label));
            }

            size += 1 + Length(sampleSize);
            sizes[i] = size;
            total += 1 + Length(size);
        }

        var buffer = new byte[total];
        var output = new CodedOutputStream(buffer);
        for (var i = 0; i < series.Count; i++)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteLength(sizes[i]);
            foreach (var label in series[i].Labels)
            {
                output.WriteTag(LabelsField, WireFormat.WireType.LengthDelimited);
                output.WriteLength(LabelSize(label));
                output.WriteTag(1, WireFormat.WireType.LengthDelimited);
                output.WriteString(label.Key);
                output.WriteTag(2, WireFormat.WireType.LengthDelimited);
                output.WriteString(label.Value);
            }

            output.WriteTag(SamplesField, WireFormat.WireType.LengthDelimited);
            output.WriteLength(sampleSize);
            output.WriteTag(1, WireFormat.WireType.Fixed64);
            output.WriteDouble(series[i].Value);
            output.WriteTag(2, WireFormat.WireType.Varint);
            output.WriteInt64(timestampMs);
        }

        output.Flush();
        output.CheckNoSpaceLeft();
        return Snappy.CompressToArray(buffer);
    }

    private static int LabelSize(KeyValuePair<string, string> label) =>
        1 + CodedOutputStream.ComputeStringSize(label.Key) + 1 + CodedOutputStream.ComputeStringSize(label.Value);

    private static int SampleSize(long timestampMs) => 1 + 8 + 1 + CodedOutputStream.ComputeInt64Size(timestampMs);

    /// <summary>A length-delimited field's length prefix and body.</summary>
    private static int Length(int size) => CodedOutputStream.ComputeLengthSize(size) + size;
}
