using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace LogMetrics.Metrics.Exposition;

/// <summary>Writes UTF-8 text to a stream through one pooled buffer.</summary>
internal sealed class Utf8Output : IDisposable
{
    private const int BufferSize = 64 * 1024;

    // Large text is encoded in chunks this long so that it always fits the buffer (3 bytes per UTF-16 char at most).
    private const int CharChunk = BufferSize / 4;

    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _position;

    public Utf8Output(Stream stream)
    {
        _stream = stream;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _position)
        {
            Flush();
            if (bytes.Length > _buffer.Length)
            {
                _stream.Write(bytes);
                return;
            }
        }

        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    public void Write(byte b)
    {
        if (_position == _buffer.Length)
        {
            Flush();
        }

        _buffer[_position++] = b;
    }

    /// <summary>Writes text as UTF-8; invalid UTF-16 becomes U+FFFD rather than an error.</summary>
    public void Write(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var chunk = text.Length <= CharChunk ? text.Length : CharChunk;
            if (chunk < text.Length && char.IsHighSurrogate(text[chunk - 1]))
            {
                chunk--;
            }

            if (chunk * 3 > _buffer.Length - _position)
            {
                Flush();
            }

            Utf8.FromUtf16(text[..chunk], _buffer.AsSpan(_position), out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            _position += written;
            text = text[chunk..];
        }
    }

    /// <summary>Writes text that is known to be ASCII, such as numbers.</summary>
    public void WriteAscii(ReadOnlySpan<char> text)
    {
        if (text.Length > _buffer.Length - _position)
        {
            Flush();
        }

        var destination = _buffer.AsSpan(_position);
        for (var i = 0; i < text.Length; i++)
        {
            destination[i] = (byte)text[i];
        }

        _position += text.Length;
    }

    public void Write(long value)
    {
        if (_buffer.Length - _position < 20)
        {
            Flush();
        }

        value.TryFormat(_buffer.AsSpan(_position), out var written, default, CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>Writes text with the given characters escaped as backslash sequences (\\, \", \n).</summary>
    public void WriteEscaped(ReadOnlySpan<char> text, SearchValues<char> special)
    {
        while (true)
        {
            var index = text.IndexOfAny(special);
            if (index < 0)
            {
                Write(text);
                return;
            }

            Write(text[..index]);
            Write((byte)'\\');
            Write(text[index] switch
            {
                '\n' => (byte)'n',
                '"' => (byte)'"',
                _ => (byte)'\\',
            });
            text = text[(index + 1)..];
        }
    }

    public void Flush()
    {
        if (_position > 0)
        {
            _stream.Write(_buffer, 0, _position);
            _position = 0;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static readonly SearchValues<char> LabelValueSpecials = SearchValues.Create("\\\"\n");

    public static readonly SearchValues<char> HelpSpecials = SearchValues.Create("\\\n");
}
