using System.Globalization;
using System.Text.RegularExpressions;

namespace LogMetrics.Runtime.Matching;

/// <summary>
/// A .NET pattern of the plain shape most log patterns have, read into <see cref="SimpleMatcher"/>'s nodes: literals,
/// character classes (ranges, escapes, negation, <c>.</c>), repeats of one character (greedy or lazy), capturing and
/// non-capturing groups, alternation, an optional group that cannot match empty, and the anchors <c>^ $ \A \z \Z</c>
/// without flags. Anything else (flags, lookaround, backreferences, \d \w \s \b \p{..}, repeated groups, options other
/// than CultureInvariant) is not read: the caller keeps the regex. The reader accepts only what it means exactly as
/// .NET does.
/// </summary>
internal sealed class SimplePattern
{
    /// <summary>Larger patterns are left to the regex (the matcher's recursion depth has its own limit).</summary>
    internal const int MaxNodes = 4096;

    private readonly string _text;
    private int _at;
    private int _groups;
    private int _loops;
    private int _nodes;

    private SimplePattern(string text) => _text = text;

    /// <summary>The matcher for <paramref name="pattern"/>, or null when the pattern (or an option) is outside the shape.</summary>
    public static SimpleMatcher? TryRead(string pattern, RegexOptions options)
    {
        if ((options & ~(RegexOptions.CultureInvariant | RegexOptions.Compiled)) != 0)
        {
            return null;
        }

        var reader = new SimplePattern(pattern);
        var root = reader.Alternation();
        if (root is null || reader._at != pattern.Length || reader._nodes > MaxNodes)
        {
            return null;
        }

        return new SimpleMatcher(root.Compile(SimpleNode.Accept()), reader._groups + 1, reader._loops, root.Anchored);
    }

    private bool More => _at < _text.Length;

    private char Peek => _text[_at];

    private Ast? Alternation()
    {
        var branches = new List<Ast>();
        while (true)
        {
            var sequence = Sequence();
            if (sequence is null)
            {
                return null;
            }

            branches.Add(sequence);
            if (!More || Peek != '|')
            {
                break;
            }

            _at++;
        }

        return branches.Count == 1 ? branches[0] : new Ast.Alternate(branches);
    }

    private Ast? Sequence()
    {
        var items = new List<Ast>();
        while (More && Peek is not ('|' or ')'))
        {
            var atom = Atom();
            if (atom is null)
            {
                return null;
            }

            var item = Quantified(atom);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            _nodes++;
        }

        return new Ast.Sequence(items);
    }

    private Ast? Atom()
    {
        var c = _text[_at++];
        switch (c)
        {
            case '(':
                int group;
                if (More && Peek == '?')
                {
                    var rest = _text.AsSpan(_at);
                    if (rest.StartsWith("?=") || rest.StartsWith("?!") || rest.StartsWith("?<=") || rest.StartsWith("?<!"))
                    {
                        return Lookaround();
                    }

                    // (?-i:...) turns off a case-insensitivity that this reader never lets in: a plain group here.
                    if (rest.StartsWith("?:"))
                    {
                        _at += 2;
                    }
                    else if (rest.StartsWith("?-i:"))
                    {
                        _at += 4;
                    }
                    else
                    {
                        return null;
                    }

                    group = -1;
                }
                else
                {
                    group = ++_groups;
                }

                var body = Alternation();
                if (body is null || !More || Peek != ')')
                {
                    return null;
                }

                _at++;
                return new Ast.Group(body, group);
            case '[':
                return Class();
            case '.':
                return new Ast.Char(CharSet.AnyButNewline());
            case '^':
                return new Ast.Anchor(AnchorKind.Beginning);
            case '$':
                return new Ast.Anchor(AnchorKind.EndOrFinalNewline);
            case '\\':
                return Escape();
            case '*' or '+' or '?' or '{' or ')' or '|' or ']' or '}':
                return null;
            default:
                return new Ast.Char(CharSet.Of(c));
        }
    }

    private Ast? Escape()
    {
        if (!More)
        {
            return null;
        }

        var c = _text[_at++];
        switch (c)
        {
            case 'A':
                return new Ast.Anchor(AnchorKind.Beginning);
            case 'z':
                return new Ast.Anchor(AnchorKind.End);
            case 'Z':
                return new Ast.Anchor(AnchorKind.EndOrFinalNewline);
            case 'b':
                return new Ast.Anchor(AnchorKind.WordBoundary);
            default:
                return EscapedChar(c) is { } literal ? new Ast.Char(CharSet.Of(literal)) : null;
        }
    }

    /// <summary>The character an escape stands for (the letter after the backslash is already read); null for a class
    /// shorthand, an assertion or anything else this reader does not take.</summary>
    private char? EscapedChar(char c)
    {
        switch (c)
        {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case 'u':
                if (_at + 4 > _text.Length
                    || !ushort.TryParse(_text.AsSpan(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    return null;
                }

                _at += 4;
                return (char)code;
            default:
                // Escaped punctuation stands for itself; an escaped letter or digit is a shorthand or a backreference.
                return c is > ' ' and < '\u007f' && !char.IsAsciiLetterOrDigit(c) && c != '_' ? c : null;
        }
    }

    /// <summary>A lookahead or lookbehind (after its "(" ) whose body is a fixed run of single characters or classes,
    /// such as grok's (?&lt;![0-9]): checked in place, never looking past the searched text's ends (as .NET).</summary>
    private Ast? Lookaround()
    {
        var behind = _text[_at + 1] == '<';
        var negated = _text[_at + (behind ? 2 : 1)] == '!';
        _at += behind ? 3 : 2;
        var groups = _groups;
        var body = Alternation();
        if (body is not Ast.Sequence sequence || groups != _groups || !More || Peek != ')')
        {
            return null;
        }

        var sets = new List<CharSet>();
        foreach (var item in sequence.Items)
        {
            if (item is not Ast.Char c)
            {
                return null;
            }

            sets.Add(c.Set);
        }

        _at++;
        return sets.Count == 0 ? null : new Ast.Look([.. sets], behind, negated);
    }

    private Ast? Class()
    {
        var negated = false;
        if (More && Peek == '^')
        {
            negated = true;
            _at++;
        }

        var ranges = new List<(char Lo, char Hi)>();
        while (More && Peek != ']')
        {
            var lo = ClassChar();
            if (lo is null)
            {
                return null;
            }

            if (_at + 1 < _text.Length && Peek == '-' && _text[_at + 1] != ']')
            {
                _at++;
                var hi = ClassChar();
                if (hi is null || hi < lo)
                {
                    return null;
                }

                ranges.Add((lo.Value, hi.Value));
            }
            else
            {
                ranges.Add((lo.Value, lo.Value));
            }
        }

        if (!More || ranges.Count == 0)
        {
            return null;
        }

        _at++;
        return new Ast.Char(CharSet.Of(ranges, negated));
    }

    private char? ClassChar()
    {
        var c = _text[_at++];
        return c switch
        {
            '\\' when More => EscapedChar(_text[_at++]),
            // A bare '-' or '[' (subtraction, or a range's edge) is read by .NET in ways this reader does not follow.
            '\\' or '-' or '[' or ']' => null,
            _ => c,
        };
    }

    private Ast? Quantified(Ast atom)
    {
        if (!More)
        {
            return atom;
        }

        int min, max;
        switch (Peek)
        {
            case '*':
                (min, max) = (0, -1);
                _at++;
                break;
            case '+':
                (min, max) = (1, -1);
                _at++;
                break;
            case '?':
                (min, max) = (0, 1);
                _at++;
                break;
            case '{':
                if (!Bounds(out min, out max))
                {
                    return null;
                }

                break;
            default:
                return atom;
        }

        var greedy = true;
        if (More && Peek == '?')
        {
            greedy = false;
            _at++;
        }

        if (More && Peek is '*' or '+' or '?' or '{')
        {
            return null;
        }

        return atom switch
        {
            Ast.Char single => new Ast.Repeat(single.Set, min, max, greedy),
            // A group that can match empty would meet .NET's empty-iteration rules; one that cannot repeats plainly.
            Ast.Group { Nullable: true } => null,
            Ast.Group group when (min, max) == (0, 1) => new Ast.Optional(group, greedy),
            Ast.Group group when max != 0 => new Ast.Loop(group, _loops++, min, max, greedy),
            _ => null,
        };
    }

    private bool Bounds(out int min, out int max)
    {
        min = max = 0;
        var close = _text.IndexOf('}', _at);
        if (close < 0)
        {
            return false;
        }

        var body = _text.AsSpan(_at + 1, close - _at - 1);
        var comma = body.IndexOf(',');
        var ok = comma < 0
            ? TryCount(body, out min) && TryCount(body, out max)
            : TryCount(body[..comma], out min) && (comma == body.Length - 1 ? (max = -1) == -1 : TryCount(body[(comma + 1)..], out max));
        if (!ok || (max >= 0 && max < min))
        {
            return false;
        }

        _at = close + 1;
        return true;
    }

    private static bool TryCount(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 6)
        {
            return false;
        }

        foreach (var d in digits)
        {
            if (!char.IsAsciiDigit(d))
            {
                return false;
            }

            value = (value * 10) + (d - '0');
        }

        return true;
    }

    /// <summary>The parsed pattern, before it becomes linked nodes.</summary>
    private abstract class Ast
    {
        public abstract bool Nullable { get; }

        /// <summary>True when every match must start where the search starts (a leading ^ or \A on every path).</summary>
        public virtual bool Anchored => false;

        /// <summary>The nodes of this piece, followed by <paramref name="next"/>.</summary>
        public abstract SimpleNode Compile(SimpleNode next);

        /// <summary>Marks the capturing groups inside a repeated group: backtracking into an earlier iteration meets
        /// their start again after a later iteration moved it, so their opening must be undone on failure.</summary>
        public virtual void MarkRepeated()
        {
        }

        public sealed class Char(CharSet set) : Ast
        {
            public CharSet Set => set;

            public override bool Nullable => false;

            public override SimpleNode Compile(SimpleNode next) => SimpleNode.Repeat(set, 1, 1, true, next);
        }

        public sealed class Repeat(CharSet set, int min, int max, bool greedy) : Ast
        {
            public override bool Nullable => min == 0;

            public override SimpleNode Compile(SimpleNode next) => SimpleNode.Repeat(set, min, max, greedy, next);
        }

        public sealed class Anchor(AnchorKind kind) : Ast
        {
            public override bool Nullable => true;

            public override bool Anchored => kind == AnchorKind.Beginning;

            public override SimpleNode Compile(SimpleNode next) => SimpleNode.AnchorAt(kind, next);
        }

        public sealed class Sequence(List<Ast> items) : Ast
        {
            public IReadOnlyList<Ast> Items => items;

            public override bool Nullable => items.TrueForAll(i => i.Nullable);

            public override bool Anchored => items.Count > 0 && items[0].Anchored;

            public override void MarkRepeated() => items.ForEach(i => i.MarkRepeated());

            public override SimpleNode Compile(SimpleNode next)
            {
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    // Runs of single literal characters become one string comparison.
                    if (items[i] is Char { Set.Single: { } c })
                    {
                        var end = i;
                        while (i > 0 && items[i - 1] is Char { Set.Single: not null })
                        {
                            i--;
                        }

                        if (end > i)
                        {
                            var literal = string.Concat(items.GetRange(i, end - i + 1).Select(a => ((Char)a).Set.Single!.Value));
                            next = SimpleNode.Literal(literal, next);
                            continue;
                        }

                        next = SimpleNode.Literal(c.ToString(), next);
                        continue;
                    }

                    next = items[i].Compile(next);
                }

                return next;
            }
        }

        public sealed class Look(CharSet[] sets, bool behind, bool negated) : Ast
        {
            public override bool Nullable => true;

            public override SimpleNode Compile(SimpleNode next) => SimpleNode.Look(sets, behind, negated, next);
        }

        public sealed class Alternate(List<Ast> branches) : Ast
        {
            public override bool Nullable => branches.Exists(b => b.Nullable);

            public override bool Anchored => branches.TrueForAll(b => b.Anchored);

            public override void MarkRepeated() => branches.ForEach(b => b.MarkRepeated());

            public override SimpleNode Compile(SimpleNode next) =>
                SimpleNode.Alternate(branches.Select(b => b.Compile(next)).ToArray());
        }

        public sealed class Group(Ast body, int number) : Ast
        {
            private bool _repeated;

            public override bool Nullable => body.Nullable;

            public override bool Anchored => body.Anchored;

            public override void MarkRepeated()
            {
                _repeated = true;
                body.MarkRepeated();
            }

            public override SimpleNode Compile(SimpleNode next) =>
                number < 0 ? body.Compile(next) : SimpleNode.Open(number, _repeated, body.Compile(SimpleNode.Close(number, next)));
        }

        public sealed class Loop : Ast
        {
            private readonly Group group;
            private readonly int loop;
            private readonly int min;
            private readonly int max;
            private readonly bool greedy;

            public Loop(Group group, int loop, int min, int max, bool greedy)
            {
                (this.group, this.loop, this.min, this.max, this.greedy) = (group, loop, min, max, greedy);
                group.MarkRepeated();
            }

            public override void MarkRepeated() => group.MarkRepeated();

            public override bool Nullable => min == 0;

            public override bool Anchored => min > 0 && group.Anchored;

            public override SimpleNode Compile(SimpleNode next) => SimpleNode.Repeated(loop, min, max, greedy, group.Compile, next);
        }

        public sealed class Optional(Group group, bool greedy) : Ast
        {
            public override void MarkRepeated() => group.MarkRepeated();

            public override bool Nullable => true;

            public override SimpleNode Compile(SimpleNode next) => SimpleNode.Optional(group.Compile(next), greedy, next);
        }
    }
}
