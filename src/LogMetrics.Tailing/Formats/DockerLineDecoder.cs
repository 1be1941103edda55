using System.Buffers;
using System.Text;
using System.Text.Json;
using LogMetrics.Tailing.Lines;

namespace LogMetrics.Tailing.Formats;

/// <summary>
/// Docker json-file lines, {"log":"text\n","stream":"stdout","time":"..."}: hands on the log text without its newline.
/// Docker cuts long lines into 16 KiB pieces without a trailing newline; pieces are joined per stream until one ends with it.
/// </summary>
internal sealed class DockerLineDecoder(ILineSink next, SourceCounters counters, int maxLineChars) : ILineSink
{
    private readonly Dictionary<string, StringBuilder> _partials = new(StringComparer.Ordinal);

    public void OnLines(LineBatch batch)
    {
        var builder = new LineBatchBuilder();
        for (var i = 0; i < batch.Count; i++)
        {
            if (!TryParse(batch.Line(i), out var log, out var stream))
            {
                counters.AddDecodeError();
                continue;
            }

            var complete = log.EndsWith('\n');
            var text = complete ? log.AsSpan(0, log.Length - 1) : log.AsSpan();
            if (complete && text.EndsWith("\r"))
            {
                text = text[..^1];
            }

            _partials.TryGetValue(stream, out var partial);
            if (!complete)
            {
                if (partial is null)
                {
                    partial = new StringBuilder();
                    _partials[stream] = partial;
                }

                Append(partial, text);
                continue;
            }

            if (partial is { Length: > 0 })
            {
                Append(partial, text);
                builder.Add(partial.ToString());
                partial.Clear();
            }
            else
            {
                builder.Add(text);
            }
        }

        if (builder.Count > 0)
        {
            next.OnLines(builder.Build(batch.Source, batch.ReadTimeMs));
        }
    }

    private void Append(StringBuilder partial, ReadOnlySpan<char> text)
    {
        var room = maxLineChars - partial.Length;
        if (text.Length > room)
        {
            if (room > 0)
            {
                counters.AddLineTooLong();
            }

            text = text[..Math.Max(0, room)];
        }

        partial.Append(text);
    }

    internal static bool TryParse(ReadOnlySpan<char> line, out string log, out string stream)
    {
        log = string.Empty;
        stream = string.Empty;
        var found = false;
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(line.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(line, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, length));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("log"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    log = reader.GetString()!;
                    found = true;
                }
                else if (reader.ValueTextEquals("stream"u8))
                {
                    reader.Read();
                    stream = reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return found && reader.TokenType == JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
