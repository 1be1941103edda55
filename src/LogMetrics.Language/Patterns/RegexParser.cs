using System.Globalization;
using System.Text;
using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Patterns;

/// <summary>Recursive descent over the RE2 grammar (or Oniguruma's, for grok definitions), building a <see cref="RegexNode"/> tree.
/// It never throws: every problem becomes a <see cref="PatternError"/> and parsing goes on.</summary>
internal sealed class RegexParser
{
    private const int MaxRepeat = 1000;
    private const int MaxNesting = 500;

    /// <summary>RE2's \b: a boundary between an ASCII word character [0-9A-Za-z_] and anything else (or the text's edge).</summary>
    internal const string AsciiWordBoundary =
        "(?-i:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))";

    /// <summary>RE2's \B: both sides ASCII word characters, or neither.</summary>
    internal const string AsciiNotWordBoundary =
        "(?-i:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))";

    private readonly string _text;
    private readonly RegexDialect _dialect;
    private readonly Func<string, GrokResolution>? _resolveGrok;
    private readonly List<PatternError> _errors = [];
    private int _pos;
    private int _nesting;
    private bool _tooComplex;
    private RegexFlags _flags;

    public RegexParser(string text, RegexDialect dialect, Func<string, GrokResolution>? resolveGrok)
    {
        _text = text;
        _dialect = dialect;
        _resolveGrok = resolveGrok;
    }

    public IReadOnlyList<PatternError> Errors => _errors;

    public RegexNode Parse()
    {
        var node = ParseAlternation();
        while (_pos < _text.Length)
        {
            // Only an unmatched ')' stops ParseAlternation before the end.
            _errors.Add(PatternMessages.UnexpectedClosingParen(_pos));
            _pos++;
            node = RegexNode.Concat([node, ParseAlternation()]);
        }

        return node;
    }

    private bool IsGrok => _dialect == RegexDialect.Grok;

    private RegexNode ParseAlternation()
    {
        var branches = new List<RegexNode> { ParseConcat() };
        while (_pos < _text.Length && _text[_pos] == '|')
        {
            _pos++;
            branches.Add(ParseConcat());
        }

        return RegexNode.Alternate(branches);
    }

    private RegexNode ParseConcat()
    {
        var items = new List<RegexNode>();
        while (_pos < _text.Length && _text[_pos] != '|' && _text[_pos] != ')')
        {
            var atom = ParseAtom();
            ParseQuantifiers(ref atom);
            if (atom is not null)
            {
                items.Add(atom);
            }
        }

        return RegexNode.Concat(items);
    }

    private void ParseQuantifiers(ref RegexNode? atom)
    {
        var lastRepeatStart = -1;
        while (_pos < _text.Length)
        {
            var opStart = _pos;
            int min, max;
            var c = _text[_pos];
            if (c is '*' or '+' or '?')
            {
                (min, max) = c switch { '*' => (0, -1), '+' => (1, -1), _ => (0, 1) };
                _pos++;
            }
            else if (c == '{' && TryParseRepeatCount(out min, out max, out var end))
            {
                _pos = end;
            }
            else
            {
                return;
            }

            var lazy = false;
            var possessive = false;
            if (_pos < _text.Length && _text[_pos] == '?')
            {
                lazy = true;
                _pos++;
            }
            else if (IsGrok && _pos < _text.Length && _text[_pos] == '+')
            {
                possessive = true;
                _pos++;
            }

            var op = _text[opStart.._pos];
            if (atom is null || atom.Kind == RegexNodeKind.Flags)
            {
                _errors.Add(PatternMessages.MissingRepeatArgument(opStart, _pos - opStart, op));
                lastRepeatStart = opStart;
                continue;
            }

            if (lastRepeatStart >= 0 && !IsGrok)
            {
                _errors.Add(PatternMessages.NestedRepeat(lastRepeatStart, _pos - lastRepeatStart, _text[lastRepeatStart.._pos]));
                continue;
            }

            if (min > MaxRepeat || max > MaxRepeat || (max >= 0 && max < min))
            {
                _errors.Add(PatternMessages.InvalidRepeatCount(opStart, _pos - opStart, op));
                lastRepeatStart = opStart;
                continue;
            }

            var greedy = !lazy;
            if ((_flags & RegexFlags.Ungreedy) != 0)
            {
                greedy = !greedy;
            }

            atom = RegexNode.Repeat(atom, min, max, greedy, possessive);
            lastRepeatStart = opStart;
        }
    }

    /// <summary>Reads {n}, {n,} or {n,m} at _pos. Anything else is not a repeat, and RE2 then reads '{' as a literal.</summary>
    private bool TryParseRepeatCount(out int min, out int max, out int end)
    {
        min = max = 0;
        end = _pos;
        var i = _pos + 1;
        if (!TryReadNumber(ref i, out min))
        {
            return false;
        }

        if (i < _text.Length && _text[i] == '}')
        {
            max = min;
        }
        else if (i < _text.Length && _text[i] == ',')
        {
            i++;
            if (i < _text.Length && _text[i] == '}')
            {
                max = -1;
            }
            else if (!TryReadNumber(ref i, out max) || i >= _text.Length || _text[i] != '}')
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        end = i + 1;
        return true;
    }

    private bool TryReadNumber(ref int i, out int value)
    {
        value = 0;
        var start = i;
        while (i < _text.Length && char.IsAsciiDigit(_text[i]))
        {
            // Saturate: anything this large is rejected as an invalid count anyway.
            value = Math.Min(value * 10 + (_text[i] - '0'), 100_000);
            i++;
        }

        return i > start;
    }

    private RegexNode? ParseAtom()
    {
        var c = _text[_pos];
        switch (c)
        {
            case '(':
                return ParseGroup();
            case '[':
                return ParseClass();
            case '.':
                _pos++;
                return RegexNode.Any();
            case '^':
                _pos++;
                return RegexNode.Assertion("^");
            case '$':
                _pos++;
                // RE2's $ without (?m) is the end of the text only; .NET's $ also matches before a final \n.
                return RegexNode.Assertion(IsGrok || (_flags & RegexFlags.Multiline) != 0 ? "$" : @"\z");
            case '\\':
                return ParseEscape();
            case '*' or '+' or '?':
                return null;
            case '{':
                if (TryParseRepeatCount(out _, out _, out _))
                {
                    return null;
                }

                _pos++;
                return Literal("{");
            case '%' when _pos + 1 < _text.Length && _text[_pos + 1] == '{' && _resolveGrok is not null:
                return ParseGrokReference();
            default:
                return Literal(ReadCodePoint());
        }
    }

    private string ReadCodePoint()
    {
        if (char.IsHighSurrogate(_text[_pos]) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]))
        {
            _pos += 2;
            return _text.Substring(_pos - 2, 2);
        }

        return _text[_pos++].ToString();
    }

    private RegexNode Literal(string codePoint)
    {
        var foldCase = (_flags & RegexFlags.IgnoreCase) != 0;
        if (foldCase && CaseOrbits.Of(char.ConvertToUtf32(codePoint, 0)) is { } orbit)
        {
            // RE2 folds the whole orbit ((?i)s matches ſ); .NET's IgnoreCase would not.
            var cls = new CharClass();
            foreach (var member in orbit)
            {
                cls.AddRange(member, member);
            }

            return RegexNode.ForClass(cls);
        }

        return RegexNode.Literal(codePoint, foldCase);
    }

    private RegexNode ParseGroup()
    {
        var start = _pos;
        _pos++;
        if (++_nesting > MaxNesting)
        {
            _errors.Add(PatternMessages.TooComplex(start, 1));
            _tooComplex = true;
            _pos = _text.Length;
            return RegexNode.EmptyNode;
        }

        try
        {
            if (_pos < _text.Length && _text[_pos] == '?')
            {
                return ParseSpecialGroup(start);
            }

            // Grok definitions capture only through %{NAME:field} and (?<name>...).
            var body = ParseGroupBody(start);
            return IsGrok ? RegexNode.Group(body, "(?:") : RegexNode.Capture(body, null, null);
        }
        finally
        {
            _nesting--;
        }
    }

    /// <summary>Parses up to and including the closing ')', restoring the flags of the enclosing group afterwards.</summary>
    private RegexNode ParseGroupBody(int openOffset, RegexFlags? flagsInside = null)
    {
        var saved = _flags;
        if (flagsInside is { } inside)
        {
            _flags = inside;
        }

        var body = ParseAlternation();
        _flags = saved;
        if (_pos < _text.Length && _text[_pos] == ')')
        {
            _pos++;
        }
        else if (!_tooComplex)
        {
            // After "nests too deeply" the rest of the pattern is skipped: its groups are not reported unclosed.
            _errors.Add(PatternMessages.MissingClosingParen(openOffset));
        }

        return body;
    }

    private RegexNode ParseSpecialGroup(int start)
    {
        // _pos is at '?'.
        var rest = _text.AsSpan(_pos);
        if (rest.StartsWith("?P<") || rest.StartsWith("?<") && !rest.StartsWith("?<=") && !rest.StartsWith("?<!"))
        {
            _pos += rest.StartsWith("?P<") ? 3 : 2;
            var nameStart = _pos;
            var close = _text.IndexOf('>', _pos);
            if (close < 0)
            {
                _errors.Add(PatternMessages.InvalidGroupName(start, _text.Length - start, _text[start..]));
                _pos = _text.Length;
                return RegexNode.EmptyNode;
            }

            var name = _text[nameStart..close];
            _pos = close + 1;
            if (!IsValidCaptureName(name))
            {
                _errors.Add(PatternMessages.InvalidGroupName(start, _pos - start, _text[start.._pos]));
            }

            return RegexNode.Capture(ParseGroupBody(start), name, null);
        }

        if (rest.StartsWith("?P"))
        {
            _errors.Add(PatternMessages.InvalidGroupName(start, Math.Min(4, _text.Length - start), _text.Substring(start, Math.Min(4, _text.Length - start))));
            _pos += 2;
            return RegexNode.Group(ParseGroupBody(start), "(?:");
        }

        foreach (var opener in (ReadOnlySpan<string>)["?=", "?!", "?<=", "?<!"])
        {
            if (rest.StartsWith(opener))
            {
                _pos += opener.Length;
                if (!IsGrok)
                {
                    _errors.Add(PatternMessages.Lookaround(start, opener.Length + 1, "(" + opener));
                }

                return RegexNode.Lookaround(ParseGroupBody(start), "(" + opener);
            }
        }

        if (rest.StartsWith("?>") && IsGrok)
        {
            _pos += 2;
            return RegexNode.Group(ParseGroupBody(start), "(?>");
        }

        if (rest.StartsWith("?#") && IsGrok)
        {
            var close = _text.IndexOf(')', _pos);
            _pos = close < 0 ? _text.Length : close + 1;
            return RegexNode.EmptyNode;
        }

        return ParseFlagGroup(start);
    }

    private RegexNode ParseFlagGroup(int start)
    {
        _pos++;
        var flags = _flags;
        var on = new StringBuilder();
        var off = new StringBuilder();
        var negate = false;
        var sawFlag = false;
        var badAt = -1;
        while (_pos < _text.Length && _text[_pos] != ':' && _text[_pos] != ')')
        {
            var c = _text[_pos++];
            RegexFlags flag;
            string net;
            switch (c)
            {
                case 'i':
                    (flag, net) = (RegexFlags.IgnoreCase, "i");
                    break;
                case 'm' when IsGrok:
                    // Oniguruma's (?m) is dot-all.
                    (flag, net) = (RegexFlags.DotAll, "s");
                    break;
                case 'm':
                    (flag, net) = (RegexFlags.Multiline, "m");
                    break;
                case 's' when !IsGrok:
                    (flag, net) = (RegexFlags.DotAll, "s");
                    break;
                case 'U' when !IsGrok:
                    (flag, net) = (RegexFlags.Ungreedy, "");
                    break;
                case '-' when !negate:
                    negate = true;
                    sawFlag = false;
                    continue;
                default:
                    badAt = badAt < 0 ? _pos : badAt;
                    continue;
            }

            sawFlag = true;
            flags = negate ? flags & ~flag : flags | flag;
            (negate ? off : on).Append(net);
        }

        var closed = _pos < _text.Length;
        if (badAt >= 0 || !closed || (negate && !sawFlag) || (_pos == start + 2 && _text[_pos] == ')'))
        {
            var end = badAt >= 0 ? badAt : Math.Min(_pos + 1, _text.Length);
            _errors.Add(PatternMessages.UnsupportedPerlSyntax(start, end - start, _text[start..end]));
            if (!closed)
            {
                return RegexNode.EmptyNode;
            }
        }

        var netFlags = on.ToString() + (off.Length > 0 ? "-" + off : "");
        if (_text[_pos] == ')')
        {
            _pos++;
            _flags = flags;
            return RegexNode.Flags(netFlags.Length == 0 ? "" : $"(?{netFlags})");
        }

        _pos++;
        return RegexNode.Group(ParseGroupBody(start, flags), $"(?{netFlags}:");
    }

    private bool IsValidCaptureName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c == '_' || (IsGrok && c is '-' or '.' or '@' or '[' or ']');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private RegexNode ParseClass()
    {
        var start = _pos;
        _pos++;
        var cls = new CharClass();
        if (_pos < _text.Length && _text[_pos] == '^')
        {
            cls.Negated = true;
            _pos++;
        }

        var first = true;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                _errors.Add(PatternMessages.MissingClosingBracket(start, _text.Length - start));
                return RegexNode.ForClass(cls);
            }

            var c = _text[_pos];
            if (c == ']' && !first)
            {
                _pos++;
                if ((_flags & RegexFlags.IgnoreCase) != 0)
                {
                    CaseOrbits.Close(cls);
                }

                return RegexNode.ForClass(cls);
            }

            first = false;
            if (c == '[' && _pos + 1 < _text.Length && _text[_pos + 1] == ':' && TryParsePosixClass(cls))
            {
                continue;
            }

            if (c == '[' && IsGrok)
            {
                // Oniguruma nests classes: [[[:alnum:]]_%] is the union of [[:alnum:]] and the rest.
                var nestedStart = _pos;
                var nested = ParseClass().Class!;
                if (nested.Negated)
                {
                    _errors.Add(PatternMessages.Unsupported(nestedStart, _pos - nestedStart, _text[nestedStart.._pos], "negated nested class"));
                }

                foreach (var r in nested.Ranges)
                {
                    cls.AddRange(r.Lo, r.Hi);
                }

                foreach (var raw in nested.Raw)
                {
                    cls.AddRaw(raw);
                }

                continue;
            }

            var itemStart = _pos;
            if (!TryParseClassAtom(cls, out var lo))
            {
                continue;
            }

            if (_pos + 1 < _text.Length && _text[_pos] == '-' && _text[_pos + 1] != ']')
            {
                _pos++;
                var hiStart = _pos;
                if (!TryParseClassAtom(cls, out var hi))
                {
                    _errors.Add(PatternMessages.InvalidClassRange(itemStart, _pos - itemStart, _text[itemStart.._pos]));
                    continue;
                }

                if (hi < lo)
                {
                    _errors.Add(PatternMessages.InvalidClassRange(itemStart, _pos - itemStart, _text[itemStart.._pos]));
                    continue;
                }

                _ = hiStart;
                cls.AddRange(lo, hi);
            }
            else
            {
                cls.AddRange(lo, lo);
            }
        }
    }

    private bool TryParsePosixClass(CharClass cls)
    {
        var close = _text.IndexOf(":]", _pos + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }

        var start = _pos;
        var name = _text[(_pos + 2)..close];
        var negate = name.StartsWith('^');
        if (negate)
        {
            name = name[1..];
        }

        _pos = close + 2;
        if (IsGrok && PerlClasses.UnicodePosix(name) is { } unicode && !negate)
        {
            cls.AddRaw(unicode);
            if (name == "alnum" || name == "word")
            {
                cls.AddRanges(PerlClasses.Word, false);
            }

            return true;
        }

        if (PerlClasses.Posix(name) is { } ranges)
        {
            cls.AddRanges(ranges, negate);
            return true;
        }

        _errors.Add(PatternMessages.UnknownCharacterClass(start, _pos - start, _text[start.._pos]));
        return true;
    }

    /// <summary>Reads one class item. Returns false when the item was a whole class (\d, \pL) already added, or an error.</summary>
    private bool TryParseClassAtom(CharClass cls, out int codePoint)
    {
        codePoint = 0;
        if (_text[_pos] != '\\')
        {
            var s = ReadCodePoint();
            codePoint = char.ConvertToUtf32(s, 0);
            return true;
        }

        var start = _pos;
        if (_pos + 1 >= _text.Length)
        {
            _errors.Add(PatternMessages.TrailingBackslash(_pos));
            _pos++;
            return false;
        }

        var c = _text[_pos + 1];
        if (TryPerlClass(c, out var ranges, out var negated))
        {
            _pos += 2;
            cls.AddRanges(ranges, negated);
            return false;
        }

        if (c is 'p' or 'P')
        {
            var unicode = ParseUnicodeClass();
            if (unicode is not null)
            {
                foreach (var r in unicode.Ranges)
                {
                    cls.AddRange(r.Lo, r.Hi);
                }

                foreach (var raw in unicode.Raw)
                {
                    cls.AddRaw(raw);
                }
            }

            return false;
        }

        var value = ParseEscapedChar(inClass: true);
        if (value < 0)
        {
            return false;
        }

        codePoint = value;
        _ = start;
        return true;
    }

    private bool TryPerlClass(char c, out (int, int)[] ranges, out bool negated)
    {
        (ranges, negated) = c switch
        {
            'd' => (PerlClasses.Digit, false),
            'D' => (PerlClasses.Digit, true),
            's' => (IsGrok ? PerlClasses.RubySpace : PerlClasses.Space, false),
            'S' => (IsGrok ? PerlClasses.RubySpace : PerlClasses.Space, true),
            'w' => (PerlClasses.Word, false),
            'W' => (PerlClasses.Word, true),
            'h' when IsGrok => (PerlClasses.HexDigit, false),
            'H' when IsGrok => (PerlClasses.HexDigit, true),
            _ => ([], false),
        };
        return ranges.Length > 0;
    }

    /// <summary>Parses \pL, \p{Greek}, \PL, \p{^Greek} at _pos; returns null (with an error) when .NET has no equivalent.</summary>
    private CharClass? ParseUnicodeClass()
    {
        var start = _pos;
        var negate = _text[_pos + 1] == 'P';
        _pos += 2;
        string name;
        if (_pos < _text.Length && _text[_pos] == '{')
        {
            var close = _text.IndexOf('}', _pos);
            if (close < 0)
            {
                _errors.Add(PatternMessages.UnknownCharacterClass(start, _text.Length - start, _text[start..]));
                _pos = _text.Length;
                return null;
            }

            name = _text[(_pos + 1)..close];
            _pos = close + 1;
        }
        else if (_pos < _text.Length)
        {
            name = _text[_pos].ToString();
            _pos++;
        }
        else
        {
            _errors.Add(PatternMessages.UnknownCharacterClass(start, _pos - start, _text[start.._pos]));
            return null;
        }

        if (name.StartsWith('^'))
        {
            negate = !negate;
            name = name[1..];
        }

        var cls = new CharClass();
        if (name == "Any")
        {
            cls.AddRanges([(0, 0x10FFFF)], negate);
            return cls;
        }

        if (PerlClasses.UnicodeName(name) is not { } netName)
        {
            _errors.Add(PatternMessages.UnknownCharacterClass(start, _pos - start, _text[start.._pos]));
            return null;
        }

        cls.AddRaw((negate ? @"\P{" : @"\p{") + netName + "}");
        return cls;
    }

    private RegexNode ParseEscape()
    {
        var start = _pos;
        if (_pos + 1 >= _text.Length)
        {
            _errors.Add(PatternMessages.TrailingBackslash(_pos));
            _pos++;
            return RegexNode.EmptyNode;
        }

        var c = _text[_pos + 1];
        if (TryPerlClass(c, out var ranges, out var negated))
        {
            _pos += 2;
            var cls = new CharClass();
            cls.AddRanges(ranges, negated);
            return RegexNode.ForClass(cls);
        }

        switch (c)
        {
            case 'p' or 'P':
                var unicode = ParseUnicodeClass();
                return unicode is null ? RegexNode.EmptyNode : RegexNode.ForClass(unicode);
            case 'b':
                // RE2's \b is ASCII-only (word = [0-9A-Za-z_]); Oniguruma's (grok) is Unicode like .NET's.
                _pos += 2;
                return RegexNode.Assertion(IsGrok ? @"\b" : AsciiWordBoundary);
            case 'B':
                _pos += 2;
                return RegexNode.Assertion(IsGrok ? @"\B" : AsciiNotWordBoundary);
            case 'A':
                _pos += 2;
                return RegexNode.Assertion(@"\A");
            case 'z':
                _pos += 2;
                return RegexNode.Assertion(@"\z");
            case 'Z' when IsGrok:
                _pos += 2;
                return RegexNode.Assertion(@"\Z");
            case 'G' when IsGrok:
                _pos += 2;
                return RegexNode.Assertion(@"\G");
            case 'Q':
                return ParseQuoted();
            case 'C':
                _pos += 2;
                _errors.Add(PatternMessages.Unsupported(start, 2, @"\C", ".NET matches UTF-16 units, not bytes"));
                return RegexNode.EmptyNode;
        }

        var value = ParseEscapedChar(inClass: false);
        return value < 0 ? RegexNode.EmptyNode : Literal(char.ConvertFromUtf32(value));
    }

    private RegexNode ParseQuoted()
    {
        _pos += 2;
        var end = _text.IndexOf(@"\E", _pos, StringComparison.Ordinal);
        var stop = end < 0 ? _text.Length : end;
        var items = new List<RegexNode>();
        while (_pos < stop)
        {
            items.Add(Literal(ReadCodePoint()));
        }

        _pos = end < 0 ? _text.Length : end + 2;
        return RegexNode.Group(RegexNode.Concat(items), "(?:");
    }

    /// <summary>Reads a single-character escape at _pos (the backslash); returns the code point, or -1 after reporting an error.</summary>
    private int ParseEscapedChar(bool inClass)
    {
        var start = _pos;
        var c = _text[_pos + 1];
        _pos += 2;
        switch (c)
        {
            case 'a': return 7;
            case 'f': return '\f';
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'v': return '\v';
            case 'e' when IsGrok: return 0x1B;
            case >= '1' and <= '9':
                if (c <= '7' && _pos < _text.Length && _text[_pos] is >= '0' and <= '7')
                {
                    return ReadOctal(c - '0');
                }

                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    _pos++;
                }

                _errors.Add(PatternMessages.Backreference(start, _pos - start, _text[start.._pos]));
                return -1;
            case '0':
                return ReadOctal(0);
            case 'x':
                return ReadHex(start);
        }

        if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
        {
            return c;
        }

        _ = inClass;
        if (char.IsHighSurrogate(c) && _pos < _text.Length)
        {
            _pos++;
        }

        _errors.Add(PatternMessages.InvalidEscape(start, _pos - start, _text[start.._pos]));
        return -1;
    }

    private int ReadOctal(int value)
    {
        // Up to three octal digits in all, the first already read.
        for (var n = 0; n < 2 && _pos < _text.Length && _text[_pos] is >= '0' and <= '7'; n++)
        {
            value = value * 8 + (_text[_pos++] - '0');
        }

        return value;
    }

    private int ReadHex(int start)
    {
        if (_pos < _text.Length && _text[_pos] == '{')
        {
            var close = _text.IndexOf('}', _pos);
            if (close > _pos + 1 && close - _pos <= 9
                && int.TryParse(_text.AsSpan(_pos + 1, close - _pos - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
                && v <= 0x10FFFF && v is < 0xD800 or > 0xDFFF)
            {
                _pos = close + 1;
                return v;
            }

            _pos = close < 0 ? _text.Length : close + 1;
        }
        else if (_pos + 2 <= _text.Length
                 && int.TryParse(_text.AsSpan(_pos, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v2))
        {
            _pos += 2;
            return v2;
        }
        else
        {
            // Take the hex digits that are there into the error span.
            while (_pos < _text.Length && _pos - start < 4 && char.IsAsciiHexDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        _errors.Add(PatternMessages.InvalidEscape(start, _pos - start, _text[start.._pos]));
        return -1;
    }

    private RegexNode ParseGrokReference()
    {
        var start = _pos;
        var i = _pos + 2;
        var nameStart = i;
        while (i < _text.Length && (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] == '_'))
        {
            i++;
        }

        if (i == nameStart)
        {
            // Not a reference: RE2 reads "%{" as literal text.
            _pos++;
            return Literal("%");
        }

        var name = _text[nameStart..i];
        string? field = null;
        string? type = null;
        if (i < _text.Length && _text[i] == ':')
        {
            var fieldStart = ++i;
            while (i < _text.Length && (char.IsAsciiLetterOrDigit(_text[i]) || _text[i] is '_' or '-' or '.' or '@' or '[' or ']'))
            {
                i++;
            }

            field = _text[fieldStart..i];
            if (i < _text.Length && _text[i] == ':')
            {
                var typeStart = ++i;
                while (i < _text.Length && _text[i] != '}' && i - typeStart < 32)
                {
                    i++;
                }

                type = _text[typeStart..i];
            }
        }

        if (i >= _text.Length || _text[i] != '}' || field is { Length: 0 })
        {
            var close = _text.IndexOf('}', start);
            _pos = close < 0 ? _text.Length : close + 1;
            _errors.Add(PatternMessages.MalformedGrokReference(start, _pos - start, _text[start.._pos]));
            return RegexNode.EmptyNode;
        }

        _pos = i + 1;
        var length = _pos - start;
        CaptureType? explicitType = CaptureType.String;
        if (type is not null)
        {
            explicitType = type switch
            {
                "int" => CaptureType.Int,
                "float" => CaptureType.Float,
                "string" => CaptureType.String,
                _ => null,
            };
            if (explicitType is null)
            {
                _errors.Add(PatternMessages.InvalidGrokType(start, length, type));
                explicitType = CaptureType.String;
            }
        }

        var resolution = _resolveGrok!(name);
        RegexNode expanded;
        if (resolution.Node is null)
        {
            _errors.Add(resolution.Error!(start, length));
            expanded = RegexNode.EmptyNode;
        }
        else
        {
            expanded = resolution.Node;
        }

        var group = RegexNode.GrokExpansion(expanded, name, (_flags & RegexFlags.IgnoreCase) != 0);
        return field is null ? group : RegexNode.Capture(group, field, explicitType);
    }
}
