using System.Buffers;
using System.Text;

namespace LogMetrics.Metrics.Exposition;

/// <summary>
/// Writes the Prometheus 0.0.4 or OpenMetrics 1.0 text format. Numbers are formatted as client_golang formats
/// them, so that the output equals mtail's byte for byte.
/// </summary>
internal sealed class TextExpositionWriter
{
    private static readonly SearchValues<char> OpenMetricsHelpSpecials = SearchValues.Create("\\\n\"");

    private readonly Utf8Output _output;
    private readonly ExpositionOptions _options;
    private readonly TextFormat _format;
    private long[] _counts = [];
    private Range[] _ranges = new Range[8];
    private char[] _unescaped = new char[256];

    private TextExpositionWriter(Utf8Output output, ExpositionOptions options, TextFormat format)
    {
        _output = output;
        _options = options;
        _format = format;
    }

    public static void Write(Stream stream, IReadOnlyList<MetricFamily> families, ExpositionOptions? options, TextFormat format)
    {
        options ??= new ExpositionOptions();
        using var output = new Utf8Output(stream);
        var writer = new TextExpositionWriter(output, options, format);
        foreach (var group in ExportPlanner.Plan(families, options, format))
        {
            writer.WriteGroup(group);
        }

        if (format == TextFormat.OpenMetrics)
        {
            output.Write("# EOF\n"u8);
        }

        output.Flush();
    }

    private void WriteGroup(ExportGroup group)
    {
        var sampleName = Encoding.UTF8.GetBytes(group.SampleName);
        var help = group.Help;
        if (help is not null)
        {
            _output.Write("# HELP "u8);
            _output.Write(group.Name);
            _output.Write((byte)' ');
            _output.WriteEscaped(help, _format == TextFormat.OpenMetrics ? OpenMetricsHelpSpecials : Utf8Output.HelpSpecials);
            _output.Write((byte)'\n');
        }

        _output.Write("# TYPE "u8);
        _output.Write(group.Name);
        _output.Write((byte)' ');
        _output.Write(group.Type);
        _output.Write((byte)'\n');

        if (group.Members.Count == 1)
        {
            var member = group.Members[0];
            var context = new SeriesContext(member, sampleName, LeLabels(member));
            foreach (var series in member.Family.SnapshotSorted())
            {
                if (!series.Removed)
                {
                    WriteSeries(context, series);
                }
            }

            return;
        }

        WriteMerged(group, sampleName);
    }

    // Several programs export the name: sort all their series together by label values, `prog` included,
    // and write a label set only once (possible when the prog label is off).
    private void WriteMerged(ExportGroup group, byte[] sampleName)
    {
        var contexts = group.Members.Select(m => new SeriesContext(m, sampleName, LeLabels(m))).ToArray();
        var entries = new List<(string Key, int Member, Series Series)>();
        for (var m = 0; m < contexts.Length; m++)
        {
            var member = contexts[m].Member;
            var program = member.Descriptor.Program ?? "";
            foreach (var series in member.Family.SnapshotSorted())
            {
                if (!series.Removed)
                {
                    var sortKey = member.Family.SortKeyOf(series);
                    var key = member.ProgPosition < 0 ? sortKey : LabelKey.Insert(sortKey, member.ProgPosition, program);
                    entries.Add((key, m, series));
                }
            }
        }

        entries.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : a.Member.CompareTo(b.Member);
        });

        string? previous = null;
        foreach (var (key, member, series) in entries)
        {
            if (key != previous)
            {
                WriteSeries(contexts[member], series);
                previous = key;
            }
        }
    }

    private void WriteSeries(SeriesContext context, Series series)
    {
        if (context.Member.Descriptor.Kind == MetricKind.Histogram)
        {
            WriteHistogram(context, series);
            return;
        }

        if (context.Member.Descriptor.Kind == MetricKind.Summary)
        {
            WriteSummary(context, series);
            return;
        }

        BeginSample(context, [], series, null);
        switch (series.ValueType)
        {
            case MetricValueType.Int:
                WriteInteger(series.IntValue);
                break;
            case MetricValueType.Float:
                WriteFloat(series.FloatValue);
                break;
            default:
                // String-valued counters and gauges are exported as 0, as mtail does.
                WriteInteger(0);
                break;
        }

        EndSample(series);
    }

    // mtail's buckets: le=b1..bn and +Inf, cumulative. A value at or below b0 is in no bucket but counts in _sum and
    // _count, so the +Inf bucket can be below _count. OpenMetrics requires them to be equal, but writing +Inf as _count
    // would export a different histogram than mtail's (and than our Prometheus text), so OpenMetrics gets the same
    // numbers; a strict OpenMetrics parser may reject such a histogram, which only programs that observe values at or
    // below their first bound (0 unless declared otherwise) produce.
    private void WriteHistogram(SeriesContext context, Series series)
    {
        var histogram = series.Histogram;
        var bucketCount = context.LeLabels.Length;
        if (_counts.Length < bucketCount)
        {
            _counts = new long[bucketCount];
        }

        Array.Clear(_counts);
        var (sum, count) = histogram is null ? (0d, 0L) : histogram.ReadInto(_counts);
        var cumulative = 0L;
        for (var i = 0; i < bucketCount; i++)
        {
            cumulative += _counts[i];
            BeginSample(context, "_bucket"u8, series, context.LeLabels[i]);
            WriteCount(cumulative);
            EndSample(series);
        }

        BeginSample(context, "_sum"u8, series, null);
        WriteFloat(sum);
        EndSample(series);

        BeginSample(context, "_count"u8, series, null);
        WriteCount(count);
        EndSample(series);
    }

    // client_golang's summary: one sample per quantile (NaN while the window is empty), then _sum and _count.
    private void WriteSummary(SeriesContext context, Series series)
    {
        var snapshot = series.ReadSummary();
        for (var i = 0; i < context.LeLabels.Length; i++)
        {
            BeginSample(context, [], series, context.LeLabels[i]);
            WriteFloat(i < snapshot.QuantileValues.Length ? snapshot.QuantileValues[i] : double.NaN);
            EndSample(series);
        }

        BeginSample(context, "_sum"u8, series, null);
        WriteFloat(snapshot.Sum);
        EndSample(series);

        BeginSample(context, "_count"u8, series, null);
        WriteCount(snapshot.Count);
        EndSample(series);
    }

    /// <summary>Writes a sample's name, suffix and labels up to its value.</summary>
    private void BeginSample(SeriesContext context, ReadOnlySpan<byte> suffix, Series series, byte[]? le)
    {
        _output.Write(context.SampleName);
        _output.Write(suffix);
        WriteLabels(context.Member, series.Key, le);
        _output.Write((byte)' ');
    }

    private void EndSample(Series series)
    {
        WriteTimestamp(series);
        _output.Write((byte)'\n');
    }

    // The key holds the values in declared order; they are written in label-name order.
    private void WriteLabels(ExportedFamily member, string key, byte[]? le)
    {
        var labels = member.LabelNames.Length;
        if (labels == 0 && le is null)
        {
            return;
        }

        _output.Write((byte)'{');
        var order = member.Family.SortOrder;
        var values = member.Family.LabelCount;
        if (_ranges.Length < values)
        {
            _ranges = new Range[values];
        }

        var read = LabelKey.ReadRanges(key, _ranges.AsSpan(0, values));
        var value = 0;
        for (var i = 0; i < labels; i++)
        {
            _output.Write(member.LabelPrefixes[i]);
            if (i == member.ProgPosition)
            {
                _output.WriteEscaped(member.Descriptor.Program, Utf8Output.LabelValueSpecials);
            }
            else if (value < read)
            {
                var segment = key.AsSpan(_ranges[order is null ? value : order[value]]);
                value++;
                _output.WriteEscaped(segment.Contains(LabelKey.Escape) ? Unescape(segment) : segment, Utf8Output.LabelValueSpecials);
            }

            _output.Write((byte)'"');
        }

        if (le is not null)
        {
            if (labels > 0)
            {
                _output.Write((byte)',');
            }

            _output.Write(le);
        }

        _output.Write((byte)'}');
    }

    private ReadOnlySpan<char> Unescape(ReadOnlySpan<char> segment)
    {
        if (_unescaped.Length < segment.Length)
        {
            _unescaped = new char[segment.Length];
        }

        return _unescaped.AsSpan(0, LabelKey.Unescape(segment, _unescaped));
    }

    // client_golang turns every value into a float64; integers below 1e6 print as plain integers either way.
    private void WriteInteger(long value)
    {
        if (value is > -1_000_000 and < 1_000_000)
        {
            _output.Write(value);
            if (_format == TextFormat.OpenMetrics)
            {
                _output.Write(".0"u8);
            }

            return;
        }

        WriteFloat(value);
    }

    private void WriteFloat(double value)
    {
        Span<char> buffer = stackalloc char[GoFloatFormatter.MaxLength];
        var length = _format == TextFormat.OpenMetrics
            ? GoFloatFormatter.FormatOpenMetrics(value, buffer)
            : GoFloatFormatter.FormatPrometheus(value, buffer);
        _output.WriteAscii(buffer[..length]);
    }

    // Bucket counts and _count: floats in the Prometheus format, integers in OpenMetrics.
    private void WriteCount(long value)
    {
        if (_format == TextFormat.OpenMetrics)
        {
            _output.Write(value);
        }
        else
        {
            WriteInteger(value);
        }
    }

    private void WriteTimestamp(Series series)
    {
        if (!_options.EmitTimestamps)
        {
            return;
        }

        _output.Write((byte)' ');
        if (_format == TextFormat.OpenMetrics)
        {
            // OpenMetrics timestamps are seconds.
            WriteFloat(series.TimestampMs / 1000d);
        }
        else
        {
            _output.Write(series.TimestampMs);
        }
    }

    private byte[][] LeLabels(ExportedFamily member)
    {
        if (member.Descriptor.Kind == MetricKind.Summary)
        {
            return member.Descriptor.Quantiles.Select(q => Encoding.UTF8.GetBytes("quantile=\"" + FormatBound(q) + "\"")).ToArray();
        }

        if (member.Descriptor.Kind != MetricKind.Histogram)
        {
            return [];
        }

        // b0 is only the lower edge of the first bucket: the labels are le=b1..bn and +Inf.
        var bounds = member.Family.Bounds;
        var labels = new byte[member.Family.BucketCount][];
        Span<char> buffer = stackalloc char[GoFloatFormatter.MaxLength];
        for (var i = 0; i < labels.Length; i++)
        {
            var bound = i + 1 < bounds.Length ? bounds[i + 1] : double.PositiveInfinity;
            var length = _format == TextFormat.OpenMetrics
                ? GoFloatFormatter.FormatOpenMetrics(bound, buffer)
                : GoFloatFormatter.FormatPrometheus(bound, buffer);
            labels[i] = Encoding.UTF8.GetBytes("le=\"" + new string(buffer[..length]) + "\"");
        }

        return labels;
    }

    private string FormatBound(double value)
    {
        Span<char> buffer = stackalloc char[GoFloatFormatter.MaxLength];
        var length = _format == TextFormat.OpenMetrics
            ? GoFloatFormatter.FormatOpenMetrics(value, buffer)
            : GoFloatFormatter.FormatPrometheus(value, buffer);
        return new string(buffer[..length]);
    }
}
