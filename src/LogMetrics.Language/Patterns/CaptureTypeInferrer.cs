namespace LogMetrics.Language.Patterns;

/// <summary>Infers a capture's type exactly as mtail 3.0.0-rc50 does (types/types.go InferCaprefType, inferGroupType).</summary>
/// <remarks>
/// mtail looks at Go's regexp/syntax tree of the group after <c>syntax.Parse(Perl)</c> and <c>Simplify()</c>, so the
/// group is first rebuilt here the way Go would build it: non-capturing groups and flags vanish, adjacent literals
/// merge, alternations are factored (single-character branches become a class, common literal prefixes and common
/// leading classes are pulled out), and counted repeats are expanded. Then mtail's rules apply to that tree:
/// <list type="bullet">
/// <item>a top-level alternation takes the least upper bound (Int &lt; Float &lt; String) of its branches;</item>
/// <item>only <c>+-</c> is String;</item>
/// <item>only <c>[0-9+-]</c> is Int when the printed regex holds a digit and the node is not a bare class or alternation
/// (so <c>(\d)</c> and <c>(1|2)</c> are String but <c>(\d+)</c>, <c>(-?\d+)</c> and <c>(10|20)</c> are Int);</item>
/// <item>only <c>[0-9+-.eE]</c> is Float when the printed regex holds at most one <c>.</c>;</item>
/// <item>anything else, including empty matches, anchors and <c>.</c>, is String.</item>
/// </list>
/// The table in RegexTranslatorTests records each shape's type as reported by the real binary (--dump_ast_types).
/// </remarks>
internal static class CaptureTypeInferrer
{
    private const string Signs = "+-";
    private const string IntChars = "+-0123456789";
    private const string FloatChars = "+-0123456789.eE";
    private const int MaxLiteral = 0x10FFFF;

    public static CaptureType Infer(RegexNode group)
    {
        var re = Simplify(Build(group));
        if (re.Op != Op.Alternate)
        {
            return InferGroup(re);
        }

        // Undef is the bottom of the lattice; the enum order Int < Float < String is the least upper bound.
        var type = CaptureType.Int;
        foreach (var sub in re.Subs)
        {
            type = Lub(type, InferGroup(sub));
        }

        return type;
    }

    private static CaptureType Lub(CaptureType a, CaptureType b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(CaptureType t) => t switch
    {
        CaptureType.Int => 0,
        CaptureType.Float => 1,
        _ => 2,
    };

    private static CaptureType InferGroup(Go group)
    {
        if (OnlyMatches(group, Signs))
        {
            return CaptureType.String;
        }

        if (OnlyMatches(group, IntChars))
        {
            // mtail: strings.ContainsAny(group.String(), digits), and a bare class or alternation is String.
            if (!PrintsDigit(group) || group.Op is Op.Alternate or Op.Class)
            {
                return CaptureType.String;
            }

            return CaptureType.Int;
        }

        if (OnlyMatches(group, FloatChars))
        {
            // mtail: strings.Count(group.String(), ".") > 1.
            return CountDots(group) > 1 ? CaptureType.String : CaptureType.Float;
        }

        return CaptureType.String;
    }

    // ---- Go's groupOnlyMatches, and what group.String() would contain ----

    private static bool OnlyMatches(Go re, string allowed) => re.Op switch
    {
        Op.Literal => re.Runes.All(r => r <= 0xFFFF && allowed.Contains((char)r, StringComparison.Ordinal)),
        Op.Class => !re.Opaque && re.Ranges.All(r => r.Hi - r.Lo <= 64 && Enumerable.Range(r.Lo, r.Hi - r.Lo + 1)
            .All(c => c <= 0xFFFF && allowed.Contains((char)c, StringComparison.Ordinal))),
        Op.Star or Op.Plus or Op.Quest or Op.Repeat or Op.Capture => OnlyMatches(re.Subs[0], allowed),
        Op.Concat or Op.Alternate => re.Subs.All(s => OnlyMatches(s, allowed)),
        _ => false,
    };

    private static bool PrintsDigit(Go re) => re.Op switch
    {
        Op.Literal => re.Runes.Any(IsDigit),
        Op.Class => re.Ranges.Any(r => IsDigit(r.Lo) || IsDigit(r.Hi)),
        // Go prints a named group as (?P<name>...), so a digit in the name counts too.
        Op.Capture => (re.Name?.Any(c => IsDigit(c)) ?? false) || PrintsDigit(re.Subs[0]),
        _ => re.Subs.Any(PrintsDigit),
    };

    private static int CountDots(Go re) => re.Op switch
    {
        Op.Literal => re.Runes.Count(r => r == '.'),
        Op.Class => re.Ranges.Any(r => r.Lo <= '.' && '.' <= r.Hi) ? 1 : 0,
        _ => re.Subs.Sum(CountDots),
    };

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    // ---- Building Go's parse tree ----

    private static Go Build(RegexNode node)
    {
        switch (node.Kind)
        {
            case RegexNodeKind.Empty:
                return Go.Empty();
            case RegexNodeKind.Literal:
                var rune = char.ConvertToUtf32(node.Text, 0);
                return node.FoldCase ? Go.Lit([MinFold(rune)], true) : Go.Lit([rune], false);
            case RegexNodeKind.Class:
                return FromClass(node.Class!);
            case RegexNodeKind.AnyChar:
                return new Go(Op.AnyChar);
            case RegexNodeKind.Repeat:
                var sub = Build(node.Child);
                var op = (node.Min, node.Max) switch
                {
                    (0, -1) => Op.Star,
                    (1, -1) => Op.Plus,
                    (0, 1) => Op.Quest,
                    _ => Op.Repeat,
                };
                return new Go(op) { Subs = [sub], Min = node.Min, Max = node.Max };
            case RegexNodeKind.Capture:
                return new Go(Op.Capture) { Subs = [Build(node.Child)], Name = node.Name };
            case RegexNodeKind.Group when !node.IsAtomic:
            case RegexNodeKind.GrokExpansion:
                return Build(node.Child);
            case RegexNodeKind.Concat:
                return BuildConcat(node.Children.Where(c => c.Kind != RegexNodeKind.Flags).Select(Build));
            case RegexNodeKind.Alternate:
                return Collapse(node.Children.Select(Build).ToList());
            case RegexNodeKind.Flags:
                return Go.Empty();
            default:
                // Anchors, word boundaries, lookarounds, atomic groups: never only digits.
                return new Go(Op.Other);
        }
    }

    private static Go FromClass(CharClass cls)
    {
        if (cls.Negated || cls.Raw.Count > 0)
        {
            return new Go(Op.Class) { Opaque = true };
        }

        var ranges = NormalizeRanges(cls.Ranges);
        if (ranges.Count == 1 && ranges[0].Lo == ranges[0].Hi)
        {
            return Go.Lit([ranges[0].Lo], false);
        }

        // A case pair such as [eE] becomes a case-folded literal.
        if (ranges.Count <= 2)
        {
            var runes = ranges.SelectMany(r => Enumerable.Range(r.Lo, r.Hi - r.Lo + 1)).ToList();
            if (runes.Count == 2 && HasFold(runes[0]) && MinFold(runes[0]) == MinFold(runes[1]))
            {
                return Go.Lit([MinFold(runes[0])], true);
            }
        }

        return new Go(Op.Class) { Ranges = ranges };
    }

    private static Go BuildConcat(IEnumerable<Go> items)
    {
        var subs = new List<Go>();
        foreach (var item in items)
        {
            foreach (var part in item.Op == Op.Concat ? item.Subs : [item])
            {
                if (part.Op == Op.Literal && subs.Count > 0 && subs[^1].Op == Op.Literal && subs[^1].Fold == part.Fold)
                {
                    subs[^1] = Go.Lit([.. subs[^1].Runes, .. part.Runes], part.Fold);
                }
                else
                {
                    subs.Add(part);
                }
            }
        }

        return subs.Count switch
        {
            0 => Go.Empty(),
            1 => subs[0],
            _ => new Go(Op.Concat) { Subs = subs },
        };
    }

    /// <summary>Go's collapse(subs, OpAlternate): flatten nested alternations, then factor.</summary>
    private static Go Collapse(List<Go> branches)
    {
        if (branches.Count == 1)
        {
            return branches[0];
        }

        var flat = new List<Go>();
        foreach (var b in branches)
        {
            if (b.Op == Op.Alternate)
            {
                flat.AddRange(b.Subs);
            }
            else
            {
                flat.Add(b);
            }
        }

        // The parser merges adjacent single-character branches as it reads them (swapVerticalBar).
        var subs = Factor(MergeClassRuns(flat));
        return subs.Count == 1 ? subs[0] : new Go(Op.Alternate) { Subs = subs };
    }

    /// <summary>Go's parser.factor: common literal prefixes, common leading classes, class runs, empty runs.</summary>
    private static List<Go> Factor(List<Go> sub)
    {
        if (sub.Count < 2)
        {
            return sub;
        }

        // Round 1: common literal prefixes.
        var outList = new List<Go>();
        var start = 0;
        int[] str = [];
        var strFold = false;
        for (var i = 0; i <= sub.Count; i++)
        {
            int[] istr = [];
            var ifold = false;
            if (i < sub.Count)
            {
                (istr, ifold) = LeadingString(sub[i]);
                if (ifold == strFold)
                {
                    var same = 0;
                    while (same < str.Length && same < istr.Length && str[same] == istr[same])
                    {
                        same++;
                    }

                    if (same > 0)
                    {
                        str = str[..same];
                        continue;
                    }
                }
            }

            if (i == start + 1)
            {
                outList.Add(sub[start]);
            }
            else if (i > start + 1)
            {
                var prefix = Go.Lit(str, strFold);
                var suffixes = new List<Go>();
                for (var j = start; j < i; j++)
                {
                    suffixes.Add(RemoveLeadingString(sub[j], str.Length));
                }

                outList.Add(new Go(Op.Concat) { Subs = [prefix, Collapse(suffixes)] });
            }

            start = i;
            str = istr;
            strFold = ifold;
        }

        sub = outList;

        // Round 2: common leading class, or fixed repeat of a class.
        outList = [];
        start = 0;
        Go? first = null;
        for (var i = 0; i <= sub.Count; i++)
        {
            Go? ifirst = null;
            if (i < sub.Count)
            {
                ifirst = LeadingRegexp(sub[i]);
                if (first is not null && ifirst is not null && first.Equal(ifirst) &&
                    (IsCharClass(first) || (first.Op == Op.Repeat && first.Min == first.Max && IsCharClass(first.Subs[0]))))
                {
                    continue;
                }
            }

            if (i == start + 1)
            {
                outList.Add(sub[start]);
            }
            else if (i > start + 1)
            {
                var suffixes = new List<Go>();
                for (var j = start; j < i; j++)
                {
                    suffixes.Add(RemoveLeadingRegexp(sub[j]));
                }

                outList.Add(new Go(Op.Concat) { Subs = [first!, Collapse(suffixes)] });
            }

            start = i;
            first = ifirst;
        }

        // Round 3: runs of single characters and classes become one class.
        sub = MergeClassRuns(outList);

        // Round 4: runs of empty matches become one.
        outList = [];
        foreach (var s in sub)
        {
            if (s.Op == Op.Empty && outList.Count > 0 && outList[^1].Op == Op.Empty)
            {
                continue;
            }

            outList.Add(s);
        }

        return outList;
    }

    private static (int[] Runes, bool Fold) LeadingString(Go re)
    {
        if (re.Op == Op.Concat && re.Subs.Count > 0)
        {
            re = re.Subs[0];
        }

        return re.Op == Op.Literal ? (re.Runes, re.Fold) : ([], false);
    }

    private static Go RemoveLeadingString(Go re, int n)
    {
        if (re.Op == Op.Concat && re.Subs.Count > 0)
        {
            var first = RemoveLeadingString(re.Subs[0], n);
            if (first.Op != Op.Empty)
            {
                return new Go(Op.Concat) { Subs = [first, .. re.Subs.Skip(1)] };
            }

            return re.Subs.Count switch
            {
                1 => Go.Empty(),
                2 => re.Subs[1],
                _ => new Go(Op.Concat) { Subs = [.. re.Subs.Skip(1)] },
            };
        }

        if (re.Op == Op.Literal)
        {
            return re.Runes.Length <= n ? Go.Empty() : Go.Lit(re.Runes[n..], re.Fold);
        }

        return re;
    }

    private static Go? LeadingRegexp(Go re)
    {
        if (re.Op == Op.Empty)
        {
            return null;
        }

        if (re.Op == Op.Concat && re.Subs.Count > 0)
        {
            return re.Subs[0].Op == Op.Empty ? null : re.Subs[0];
        }

        return re;
    }

    private static Go RemoveLeadingRegexp(Go re)
    {
        if (re.Op == Op.Concat && re.Subs.Count >= 2)
        {
            return re.Subs.Count == 2 ? re.Subs[1] : new Go(Op.Concat) { Subs = [.. re.Subs.Skip(1)] };
        }

        return Go.Empty();
    }

    private static bool IsCharClass(Go re) =>
        (re.Op == Op.Literal && re.Runes.Length == 1) || re.Op is Op.Class or Op.AnyChar;

    private static List<Go> MergeClassRuns(List<Go> sub)
    {
        var result = new List<Go>();
        var i = 0;
        while (i < sub.Count)
        {
            if (!IsCharClass(sub[i]))
            {
                result.Add(sub[i++]);
                continue;
            }

            var j = i;
            while (j < sub.Count && IsCharClass(sub[j]))
            {
                j++;
            }

            result.Add(j - i == 1 ? sub[i] : MergeRun(sub.GetRange(i, j - i)));
            i = j;
        }

        return result;
    }

    private static Go MergeRun(List<Go> run)
    {
        if (run.Any(r => r.Op == Op.AnyChar))
        {
            return new Go(Op.AnyChar);
        }

        if (run.All(r => r.Op == Op.Literal && r.Runes[0] == run[0].Runes[0] && r.Fold == run[0].Fold))
        {
            return run[0];
        }

        if (run.Any(r => r.Opaque))
        {
            return new Go(Op.Class) { Opaque = true };
        }

        var ranges = new List<(int Lo, int Hi)>();
        foreach (var r in run)
        {
            if (r.Op == Op.Class)
            {
                ranges.AddRange(r.Ranges);
                continue;
            }

            var c = r.Runes[0];
            ranges.Add((c, c));
            if (r.Fold)
            {
                foreach (var f in FoldOrbit(c))
                {
                    ranges.Add((f, f));
                }
            }
        }

        ranges = NormalizeRanges(ranges);
        return ranges.Count == 1 && ranges[0] == (0, MaxLiteral) ? new Go(Op.AnyChar) : new Go(Op.Class) { Ranges = ranges };
    }

    // ---- Go's Simplify ----

    private static Go Simplify(Go re)
    {
        switch (re.Op)
        {
            case Op.Capture or Op.Concat or Op.Alternate:
                return new Go(re.Op) { Subs = [.. re.Subs.Select(Simplify)], Name = re.Name };
            case Op.Star or Op.Plus or Op.Quest:
                return Simplify1(re.Op, Simplify(re.Subs[0]));
            case Op.Repeat:
                return SimplifyRepeat(re);
            default:
                return re;
        }
    }

    private static Go Simplify1(Op op, Go sub)
    {
        if (sub.Op == Op.Empty || sub.Op == op)
        {
            return sub;
        }

        return new Go(op) { Subs = [sub] };
    }

    private static Go SimplifyRepeat(Go re)
    {
        if (re.Min == 0 && re.Max == 0)
        {
            return Go.Empty();
        }

        var sub = Simplify(re.Subs[0]);
        if (re.Max == -1)
        {
            if (re.Min == 0)
            {
                return Simplify1(Op.Star, sub);
            }

            if (re.Min == 1)
            {
                return Simplify1(Op.Plus, sub);
            }

            return new Go(Op.Concat) { Subs = [.. Enumerable.Repeat(sub, re.Min - 1), Simplify1(Op.Plus, sub)] };
        }

        if (re.Min == 1 && re.Max == 1)
        {
            return sub;
        }

        List<Go>? prefix = re.Min > 0 ? [.. Enumerable.Repeat(sub, re.Min)] : null;
        if (re.Max > re.Min)
        {
            var suffix = Simplify1(Op.Quest, sub);
            for (var i = re.Min + 1; i < re.Max; i++)
            {
                suffix = Simplify1(Op.Quest, new Go(Op.Concat) { Subs = [sub, suffix] });
            }

            if (prefix is null)
            {
                return suffix;
            }

            prefix.Add(suffix);
        }

        return prefix is null ? new Go(Op.Other) : new Go(Op.Concat) { Subs = prefix };
    }

    // ---- helpers ----

    private static List<(int Lo, int Hi)> NormalizeRanges(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var merged = new List<(int Lo, int Hi)>();
        foreach (var r in ranges.OrderBy(r => r.Lo))
        {
            if (merged.Count > 0 && r.Lo <= merged[^1].Hi + 1)
            {
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, r.Hi));
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }

    private static IEnumerable<int> FoldOrbit(int c)
    {
        if (c > 0xFFFF)
        {
            yield break;
        }

        var ch = (char)c;
        var lower = char.ToLowerInvariant(ch);
        var upper = char.ToUpperInvariant(ch);
        if (lower != ch)
        {
            yield return lower;
        }

        if (upper != ch)
        {
            yield return upper;
        }
    }

    private static bool HasFold(int c) => FoldOrbit(c).Any();

    private static int MinFold(int c) => FoldOrbit(c).Append(c).Min();

    private enum Op
    {
        Empty,
        Literal,
        Class,
        AnyChar,
        Star,
        Plus,
        Quest,
        Repeat,
        Concat,
        Alternate,
        Capture,
        Other,
    }

    /// <summary>A node of Go's regexp/syntax tree, reduced to what inference needs.</summary>
    private sealed class Go
    {
        public Go(Op op) => Op = op;

        public Op Op { get; }

        public int[] Runes { get; init; } = [];

        public bool Fold { get; init; }

        public List<(int Lo, int Hi)> Ranges { get; init; } = [];

        /// <summary>A negated class or one with Unicode properties: never within the digit sets.</summary>
        public bool Opaque { get; init; }

        public int Min { get; init; }

        public int Max { get; init; }

        public string? Name { get; init; }

        public List<Go> Subs { get; init; } = [];

        public static Go Empty() => new(Op.Empty);

        public static Go Lit(int[] runes, bool fold) => new(Op.Literal) { Runes = runes, Fold = fold };

        public bool Equal(Go other) =>
            Op == other.Op && Fold == other.Fold && Opaque == other.Opaque && Min == other.Min && Max == other.Max &&
            Name == other.Name && Runes.AsSpan().SequenceEqual(other.Runes) && Ranges.SequenceEqual(other.Ranges) &&
            Subs.Count == other.Subs.Count && Subs.Zip(other.Subs).All(p => p.First.Equal(p.Second));
    }
}
