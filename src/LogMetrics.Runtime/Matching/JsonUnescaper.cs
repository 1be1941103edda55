using System.Globalization;
using System.Text;

namespace LogMetrics.Runtime.Matching;

/// <summary>
/// Unescapes the UTF-8 body of a JSON string that the reader has validated. Unlike <c>Utf8JsonReader.CopyString</c>
/// it does not throw on an escaped lone surrogate (`"\ud800"`): that becomes U+FFFD, as in Go's encoding/json.
/// </summary>
internal static class JsonUnescaper
{
    /// <summary>Writes the string's characters to <paramref name="target"/> (at least as long as <paramref name="utf8"/>) and returns how many.</summary>
    public static int Unescape(ReadOnlySpan<byte> utf8, Span<char> target)
    {
        var written = 0;
        var i = 0;
        while (i < utf8.Length)
        {
            var backslash = utf8[i..].IndexOf((byte)'\\');
            var plain = backslash < 0 ? utf8[i..] : utf8.Slice(i, backslash);
            written += Encoding.UTF8.GetChars(plain, target[written..]);
            i += plain.Length;
            if (backslash < 0)
            {
                break;
            }

            var escape = utf8[i + 1];
            i += 2;
            switch (escape)
            {
                case (byte)'b': target[written++] = '\b'; break;
                case (byte)'f': target[written++] = '\f'; break;
                case (byte)'n': target[written++] = '\n'; break;
                case (byte)'r': target[written++] = '\r'; break;
                case (byte)'t': target[written++] = '\t'; break;
                case (byte)'u':
                    var unit = Hex(utf8.Slice(i, 4));
                    i += 4;
                    if (char.IsHighSurrogate(unit) && i + 6 <= utf8.Length && utf8[i] == '\\' && utf8[i + 1] == 'u'
                        && Hex(utf8.Slice(i + 2, 4)) is var low && char.IsLowSurrogate(low))
                    {
                        target[written++] = unit;
                        target[written++] = low;
                        i += 6;
                    }
                    else
                    {
                        target[written++] = char.IsSurrogate(unit) ? '\uFFFD' : unit;
                    }

                    break;
                default: target[written++] = (char)escape; break; // \" \\ \/
            }
        }

        return written;
    }

    private static char Hex(ReadOnlySpan<byte> digits) =>
        (char)int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
