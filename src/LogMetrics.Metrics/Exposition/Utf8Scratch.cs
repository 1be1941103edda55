using System.Text;

namespace LogMetrics.Metrics.Exposition;

/// <summary>Turns strings into valid UTF-8 (lone surrogates become U+FFFD), which Utf8JsonWriter then accepts.</summary>
internal sealed class Utf8Scratch
{
    private byte[] _bytes = new byte[256];
    private char[] _chars = new char[256];

    public ReadOnlySpan<byte> Utf8(ReadOnlySpan<char> text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_bytes.Length < max)
        {
            _bytes = new byte[Math.Max(max, _bytes.Length * 2)];
        }

        System.Text.Unicode.Utf8.FromUtf16(text, _bytes, out _, out var written, replaceInvalidSequences: true);
        return _bytes.AsSpan(0, written);
    }

    /// <summary>An escaped <see cref="LabelKey"/> value as the value itself; valid until the next call.</summary>
    public ReadOnlySpan<char> Unescape(ReadOnlySpan<char> segment)
    {
        if (_chars.Length < segment.Length)
        {
            _chars = new char[Math.Max(segment.Length, _chars.Length * 2)];
        }

        return _chars.AsSpan(0, LabelKey.Unescape(segment, _chars));
    }
}
