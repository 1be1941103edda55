using System.Buffers;
using System.Text;
using System.Text.Json;
using LogMetrics.Lines;

namespace LogMetrics.Tailing.Formats;

/// <summary>
/// Docker json-file lines, {"log":"text\n","stream":"stdout","time":"..."}: hands on the log text without its newline.
/// Docker cuts long lines into 16 KiB pieces without a trailing newline; pieces are joined per stream until one ends with it.
/// </summary>
internal sealed class DockerLineDecoder(ILineSink next, SourceCounters counters, int maxLineChars)
    : JoiningLineDecoder(next, counters, maxLineChars)
{
    protected override bool TryDecode(ReadOnlySpan<char> line, out ReadOnlySpan<char> stream, out ReadOnlySpan<char> text, out bool complete)
    {
        if (!TryParse(line, out var log, out var name))
        {
            stream = default;
            text = default;
            complete = false;
            return false;
        }

        stream = name;
        complete = log.EndsWith('\n');
        text = complete ? log.AsSpan(0, log.Length - 1) : log.AsSpan();
        if (complete && text.EndsWith("\r"))
        {
            text = text[..^1];
        }

        return true;
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
