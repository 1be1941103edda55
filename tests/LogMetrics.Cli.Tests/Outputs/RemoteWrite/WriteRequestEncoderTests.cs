using Google.Protobuf;
using LogMetrics.Cli.Outputs.RemoteWrite;
using Snappier;

namespace LogMetrics.Cli.Tests.Outputs.RemoteWrite;

public sealed class WriteRequestEncoderTests
{
    [Fact]
    public void Decodes_back_to_the_series_labels_values_and_timestamp()
    {
        IReadOnlyList<KeyValuePair<string, string>> first = [new("__name__", "requests_total"), new("method", "GET"), new("path", "/é\"\n")];
        IReadOnlyList<KeyValuePair<string, string>> second = [new("__name__", "up"), new("z", "")];
        var body = WriteRequestEncoder.Encode([(first, 42), (second, -0.5)], 1_700_000_000_123);

        var decoded = Decode(Snappy.DecompressToArray(body));

        Assert.Equal(2, decoded.Count);
        Assert.Equal(first, decoded[0].Labels);
        Assert.Equal([(42d, 1_700_000_000_123L)], decoded[0].Samples);
        Assert.Equal(second, decoded[1].Labels);
        Assert.Equal([(-0.5, 1_700_000_000_123L)], decoded[1].Samples);
    }

    [Fact]
    public void An_empty_request_is_empty() => Assert.Empty(Decode(Snappy.DecompressToArray(WriteRequestEncoder.Encode([], 1))));

    /// <summary>prometheus.WriteRequest read with Google.Protobuf's reader, field by field, unknown fields refused.</summary>
    private static List<(List<KeyValuePair<string, string>> Labels, List<(double, long)> Samples)> Decode(byte[] bytes)
    {
        var result = new List<(List<KeyValuePair<string, string>>, List<(double, long)>)>();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            Assert.Equal(WireFormat.MakeTag(1, WireFormat.WireType.LengthDelimited), tag);
            var series = new CodedInputStream(input.ReadBytes().ToByteArray());
            var labels = new List<KeyValuePair<string, string>>();
            var samples = new List<(double, long)>();
            while ((tag = series.ReadTag()) != 0)
            {
                var message = new CodedInputStream(series.ReadBytes().ToByteArray());
                if (WireFormat.GetTagFieldNumber(tag) == 1)
                {
                    Assert.Equal(WireFormat.MakeTag(1, WireFormat.WireType.LengthDelimited), message.ReadTag());
                    var name = message.ReadString();
                    Assert.Equal(WireFormat.MakeTag(2, WireFormat.WireType.LengthDelimited), message.ReadTag());
                    labels.Add(new(name, message.ReadString()));
                }
                else
                {
                    Assert.Equal(2, WireFormat.GetTagFieldNumber(tag));
                    Assert.Equal(WireFormat.MakeTag(1, WireFormat.WireType.Fixed64), message.ReadTag());
                    var value = message.ReadDouble();
                    Assert.Equal(WireFormat.MakeTag(2, WireFormat.WireType.Varint), message.ReadTag());
                    samples.Add((value, message.ReadInt64()));
                }

                Assert.True(message.IsAtEnd);
            }

            result.Add((labels, samples));
        }

        return result;
    }
}
