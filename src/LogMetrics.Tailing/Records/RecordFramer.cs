using System.Text;
using System.Text.RegularExpressions;
using LogMetrics.Lines;
using LogMetrics.Tailing.Lines;

namespace LogMetrics.Tailing.Records;

/// <summary>
/// Groups the lines of one source into records by a <see cref="MultilineRule"/>: a record is handed on as one line
/// with '\n' between its lines once the line that starts the next record arrives, when it is full (max lines or
/// bytes, counted), or when no line has come for the rule's flush timeout.
/// </summary>
/// <remarks>
/// Lines that do not start a record while none is held (the tail of a record whose start was before the first line
/// read) form a record of their own. A record never spans two files: each opened file has its own framer.
/// </remarks>
internal sealed class RecordFramer(MultilineRule rule, ILineSink next, SourceCounters counters, Serilog.ILogger log) : ILineSink, IHoldingStage
{
    private readonly StringBuilder _record = new();
    private readonly long _timeoutMs = (long)rule.FlushTimeout.TotalMilliseconds;
    private string _source = "";
    private bool _held;
    private int _lines;
    private int _bytes;
    private long _start;
    private long _end;
    private long _lastLineMs;
    private bool _warnedCut;
    private bool _warnedTimeout;

    public long? HeldFrom => _held ? _start : null;

    public void OnLines(LineBatch batch)
    {
        _source = batch.Source;
        var track = batch.StartOffsets is not null;
        var builder = new LineBatchBuilder(track);
        for (var i = 0; i < batch.Count; i++)
        {
            var line = batch.Line(i);
            var start = track ? batch.StartOffsets![i] : 0;
            var end = track ? batch.EndOffsets![i] : 0;
            var matched = Matches(line);
            var startsRecord = rule.Mode == MultilineMode.Start ? matched : !matched;
            if (_held && !startsRecord)
            {
                var bytes = Utf8Length(line);
                if (_lines < rule.MaxLines && _bytes + 1 + bytes <= rule.MaxBytes)
                {
                    _record.Append('\n').Append(line);
                    _lines++;
                    _bytes += 1 + bytes;
                    _end = end;
                    continue;
                }

                Cut();
            }

            if (_held)
            {
                Emit(builder);
            }

            Begin(line, start, end);
        }

        _lastLineMs = Environment.TickCount64;
        if (builder.Count > 0)
        {
            next.OnLines(builder.Build(batch.Source, batch.ReadTimeMs));
        }
    }

    public void Flush()
    {
        if (!_held)
        {
            return;
        }

        var builder = new LineBatchBuilder(trackOffsets: true);
        Emit(builder);
        next.OnLines(builder.Build(_source, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    }

    public void FlushIdle(long nowMs)
    {
        if (_held && nowMs - _lastLineMs >= _timeoutMs)
        {
            Flush();
        }
    }

    private void Begin(ReadOnlySpan<char> line, long start, long end)
    {
        var bytes = Utf8Length(line);
        if (bytes > rule.MaxBytes)
        {
            line = line[..CharsWithin(line, rule.MaxBytes)];
            bytes = Utf8Length(line);
            Cut();
        }

        _record.Clear();
        _record.Append(line);
        _held = true;
        _lines = 1;
        _bytes = bytes;
        _start = start;
        _end = end;
    }

    private void Emit(LineBatchBuilder builder)
    {
        builder.Add(_record, _start, _end);
        _record.Clear();
        _held = false;
        if (_record.Capacity > 64 * 1024)
        {
            // One huge record must not pin its buffer for the life of the source.
            _record.Capacity = 1024;
        }
    }

    private void Cut()
    {
        counters.AddRecordCut();
        if (!_warnedCut)
        {
            _warnedCut = true;
            log.Warning(
                "A record of {Source} reached the multiline limit ({MaxLines} lines, {MaxBytes} bytes) of {Rule} and was handed on in pieces; further cuts are counted in logmetrics_log_records_cut_total",
                _source, rule.MaxLines, rule.MaxBytes, rule.Text);
        }
    }

    private bool Matches(ReadOnlySpan<char> line)
    {
        try
        {
            return rule.Regex.IsMatch(line);
        }
        catch (RegexMatchTimeoutException)
        {
            counters.AddMultilineTimeout();
            if (!_warnedTimeout)
            {
                _warnedTimeout = true;
                log.Warning("The multiline regex of {Rule} timed out on a line of {Source}; the line was taken as not matching", rule.Text, _source);
            }

            return false;
        }
    }

    private static int Utf8Length(ReadOnlySpan<char> text) => Encoding.UTF8.GetByteCount(text);

    // The longest prefix of text that fits in maxBytes of UTF-8, never splitting a surrogate pair.
    private static int CharsWithin(ReadOnlySpan<char> text, int maxBytes)
    {
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var width = c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 4 : 3;
            if (bytes + width > maxBytes)
            {
                return i;
            }

            bytes += width;
            if (width == 4)
            {
                i++;
            }
        }

        return text.Length;
    }
}
