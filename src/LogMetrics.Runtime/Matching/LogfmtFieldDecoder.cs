using LogMetrics.Language.Binding;

namespace LogMetrics.Runtime.Matching;

/// <summary>
/// Decodes a logfmt line (`key=value key2="quoted \"value\"" bare`) as go-logfmt reads it: a key is any run of
/// characters above space other than `=` and `"`; a value is bare (the same characters) or a quoted string with
/// JSON escapes; a bare key alone is the boolean true, `key=` the empty string. The line decodes when it follows
/// this grammar and has at least one `key=value` pair (so a plain sentence does not). A duplicate key's last value wins.
/// </summary>
internal sealed class LogfmtFieldDecoder : FieldDecoder
{
    private readonly Dictionary<string, int> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public LogfmtFieldDecoder(IReadOnlyList<FieldPath> fields)
    {
        for (var field = 0; field < fields.Count; field++)
        {
            _fields[fields[field].Segments[0].Key!] = field;
        }

        _lookup = _fields.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override bool Decode(ReadOnlySpan<char> text, StructuredFields fields)
    {
        fields.Reset();
        var pairs = 0;
        var i = 0;
        while (true)
        {
            while (i < text.Length && text[i] <= ' ')
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var keyStart = i;
            while (i < text.Length && IsIdentChar(text[i]))
            {
                i++;
            }

            if (i == keyStart)
            {
                return false; // `=` or `"` where a key must start
            }

            var found = _lookup.TryGetValue(text[keyStart..i], out var field);
            if (i == text.Length || text[i] <= ' ')
            {
                if (found)
                {
                    fields.Set(field, FieldKind.Bool, "true");
                }

                continue;
            }

            if (text[i] != '=')
            {
                return false; // a `"` inside a key
            }

            i++;
            pairs++;
            if (i < text.Length && text[i] == '"')
            {
                var end = ClosingQuote(text, i + 1, out var escaped);
                if (end < 0)
                {
                    return false;
                }

                var body = text[(i + 1)..end];
                i = end + 1;
                if (i < text.Length && text[i] > ' ')
                {
                    return false; // something glued after the closing quote
                }

                if (found)
                {
                    if (!escaped)
                    {
                        fields.Set(field, FieldKind.String, body);
                    }
                    else if (Unescape(body, fields.Reserve(body.Length), out var length))
                    {
                        fields.Commit(field, FieldKind.String, length);
                    }
                    else
                    {
                        return false;
                    }
                }

                continue;
            }

            var valueStart = i;
            while (i < text.Length && IsIdentChar(text[i]))
            {
                i++;
            }

            if (i < text.Length && text[i] > ' ')
            {
                return false; // `=` or `"` inside a bare value
            }

            if (found)
            {
                fields.Set(field, FieldKind.String, text[valueStart..i]);
            }
        }

        if (pairs == 0)
        {
            fields.Reset();
            return false;
        }

        fields.Decoded = true;
        return true;
    }

    private static bool IsIdentChar(char c) => c > ' ' && c != '=' && c != '"';

    /// <summary>The index of the quote that closes a string whose body starts at <paramref name="start"/>, or -1.</summary>
    private static int ClosingQuote(ReadOnlySpan<char> text, int start, out bool escaped)
    {
        escaped = false;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                escaped = true;
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>JSON escapes, as go-logfmt's unquote; an unknown escape or a bad \u does not decode.</summary>
    private static bool Unescape(ReadOnlySpan<char> body, Span<char> target, out int length)
    {
        length = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                target[length++] = c;
                continue;
            }

            var escape = body[++i];
            switch (escape)
            {
                case '"' or '\\' or '/': target[length++] = escape; break;
                case 'b': target[length++] = '\b'; break;
                case 'f': target[length++] = '\f'; break;
                case 'n': target[length++] = '\n'; break;
                case 'r': target[length++] = '\r'; break;
                case 't': target[length++] = '\t'; break;
                case 'u' when i + 4 < body.Length
                    && int.TryParse(body.Slice(i + 1, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var unit):
                    i += 4;
                    if (char.IsHighSurrogate((char)unit) && i + 6 < body.Length && body[i + 1] == '\\' && body[i + 2] == 'u'
                        && int.TryParse(body.Slice(i + 3, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var low)
                        && char.IsLowSurrogate((char)low))
                    {
                        target[length++] = (char)unit;
                        target[length++] = (char)low;
                        i += 6;
                    }
                    else
                    {
                        target[length++] = char.IsSurrogate((char)unit) ? '\uFFFD' : (char)unit;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
