namespace LogMetrics.Language.Patterns;

/// <summary>Rebuilds a group the way Go's regexp/syntax does after <c>syntax.Parse(Perl)</c> and <c>Simplify()</c>:
/// non-capturing groups and flags vanish, adjacent literals merge, alternations are factored (single-character branches
/// become a class, common literal prefixes and common leading classes are pulled out), and counted repeats are expanded.</summary>
/// <remarks>Only the shape matters here (what <see cref="CaptureTypeInferrer"/> reads); the tree never matches text.</remarks>
internal static class GoRegexpSimplifier
{
    private const int MaxLiteral = 0x10FFFF;

    /// <summary>The group as Go's parser and simplifier leave it.</summary>
    public static GoRegexp Simplify(RegexNode group) => Simplify(Build(group));

    private static GoRegexp Build(RegexNode node)
    {
        switch (node.Kind)
        {
            case RegexNodeKind.Empty:
                return GoRegexp.Empty();
            case RegexNodeKind.Literal:
                var rune = char.ConvertToUtf32(node.Text, 0);
                return node.FoldCase ? GoRegexp.Lit([MinFold(rune)], true) : GoRegexp.Lit([rune], false);
            case RegexNodeKind.Class:
                return FromClass(node.Class!);
            case RegexNodeKind.AnyChar:
                return new GoRegexp(GoOp.AnyChar);
            case RegexNodeKind.Repeat:
                var sub = Build(node.Child);
                var op = (node.Min, node.Max) switch
                {
                    (0, -1) => GoOp.Star,
                    (1, -1) => GoOp.Plus,
                    (0, 1) => GoOp.Quest,
                    _ => GoOp.Repeat,
                };
                return new GoRegexp(op) { Subs = [sub], Min = node.Min, Max = node.Max };
            case RegexNodeKind.Capture:
                return new GoRegexp(GoOp.Capture) { Subs = [Build(node.Child)], Name = node.Name };
            case RegexNodeKind.Group when !node.IsAtomic:
            case RegexNodeKind.GrokExpansion:
                return Build(node.Child);
            case RegexNodeKind.Concat:
                return BuildConcat(node.Children.Where(c => c.Kind != RegexNodeKind.Flags).Select(Build));
            case RegexNodeKind.Alternate:
                return Collapse(node.Children.Select(Build).ToList());
            case RegexNodeKind.Flags:
                return GoRegexp.Empty();
            default:
                // Anchors, word boundaries, lookarounds, atomic groups: never only digits.
                return new GoRegexp(GoOp.Other);
        }
    }

    private static GoRegexp FromClass(CharClass cls)
    {
        if (cls.Negated || cls.Raw.Count > 0)
        {
            return new GoRegexp(GoOp.Class) { Opaque = true };
        }

        var ranges = NormalizeRanges(cls.Ranges);
        if (ranges.Count == 1 && ranges[0].Lo == ranges[0].Hi)
        {
            return GoRegexp.Lit([ranges[0].Lo], false);
        }

        // A case pair such as [eE] becomes a case-folded literal.
        if (ranges.Count <= 2)
        {
            var runes = ranges.SelectMany(r => Enumerable.Range(r.Lo, r.Hi - r.Lo + 1)).ToList();
            if (runes.Count == 2 && HasFold(runes[0]) && MinFold(runes[0]) == MinFold(runes[1]))
            {
                return GoRegexp.Lit([MinFold(runes[0])], true);
            }
        }

        return new GoRegexp(GoOp.Class) { Ranges = ranges };
    }

    private static GoRegexp BuildConcat(IEnumerable<GoRegexp> items)
    {
        var subs = new List<GoRegexp>();
        foreach (var item in items)
        {
            foreach (var part in item.Op == GoOp.Concat ? item.Subs : [item])
            {
                if (part.Op == GoOp.Literal && subs.Count > 0 && subs[^1].Op == GoOp.Literal && subs[^1].Fold == part.Fold)
                {
                    subs[^1] = GoRegexp.Lit([.. subs[^1].Runes, .. part.Runes], part.Fold);
                }
                else
                {
                    subs.Add(part);
                }
            }
        }

        return subs.Count switch
        {
            0 => GoRegexp.Empty(),
            1 => subs[0],
            _ => new GoRegexp(GoOp.Concat) { Subs = subs },
        };
    }

    /// <summary>Go's collapse(subs, OpAlternate): flatten nested alternations, then factor.</summary>
    private static GoRegexp Collapse(List<GoRegexp> branches)
    {
        if (branches.Count == 1)
        {
            return branches[0];
        }

        var flat = new List<GoRegexp>();
        foreach (var b in branches)
        {
            if (b.Op == GoOp.Alternate)
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
        return subs.Count == 1 ? subs[0] : new GoRegexp(GoOp.Alternate) { Subs = subs };
    }

    /// <summary>Go's parser.factor: common literal prefixes, common leading classes, class runs, empty runs.</summary>
    private static List<GoRegexp> Factor(List<GoRegexp> sub)
    {
        if (sub.Count < 2)
        {
            return sub;
        }

        // Round 1: common literal prefixes.
        var outList = new List<GoRegexp>();
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
                var prefix = GoRegexp.Lit(str, strFold);
                var suffixes = new List<GoRegexp>();
                for (var j = start; j < i; j++)
                {
                    suffixes.Add(RemoveLeadingString(sub[j], str.Length));
                }

                outList.Add(new GoRegexp(GoOp.Concat) { Subs = [prefix, Collapse(suffixes)] });
            }

            start = i;
            str = istr;
            strFold = ifold;
        }

        sub = outList;

        // Round 2: common leading class, or fixed repeat of a class.
        outList = [];
        start = 0;
        GoRegexp? first = null;
        for (var i = 0; i <= sub.Count; i++)
        {
            GoRegexp? ifirst = null;
            if (i < sub.Count)
            {
                ifirst = LeadingRegexp(sub[i]);
                if (first is not null && ifirst is not null && first.Equal(ifirst) &&
                    (IsCharClass(first) || (first.Op == GoOp.Repeat && first.Min == first.Max && IsCharClass(first.Subs[0]))))
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
                var suffixes = new List<GoRegexp>();
                for (var j = start; j < i; j++)
                {
                    suffixes.Add(RemoveLeadingRegexp(sub[j]));
                }

                outList.Add(new GoRegexp(GoOp.Concat) { Subs = [first!, Collapse(suffixes)] });
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
            if (s.Op == GoOp.Empty && outList.Count > 0 && outList[^1].Op == GoOp.Empty)
            {
                continue;
            }

            outList.Add(s);
        }

        return outList;
    }

    private static (int[] Runes, bool Fold) LeadingString(GoRegexp re)
    {
        if (re.Op == GoOp.Concat && re.Subs.Count > 0)
        {
            re = re.Subs[0];
        }

        return re.Op == GoOp.Literal ? (re.Runes, re.Fold) : ([], false);
    }

    private static GoRegexp RemoveLeadingString(GoRegexp re, int n)
    {
        if (re.Op == GoOp.Concat && re.Subs.Count > 0)
        {
            var first = RemoveLeadingString(re.Subs[0], n);
            if (first.Op != GoOp.Empty)
            {
                return new GoRegexp(GoOp.Concat) { Subs = [first, .. re.Subs.Skip(1)] };
            }

            return re.Subs.Count switch
            {
                1 => GoRegexp.Empty(),
                2 => re.Subs[1],
                _ => new GoRegexp(GoOp.Concat) { Subs = [.. re.Subs.Skip(1)] },
            };
        }

        if (re.Op == GoOp.Literal)
        {
            return re.Runes.Length <= n ? GoRegexp.Empty() : GoRegexp.Lit(re.Runes[n..], re.Fold);
        }

        return re;
    }

    private static GoRegexp? LeadingRegexp(GoRegexp re)
    {
        if (re.Op == GoOp.Empty)
        {
            return null;
        }

        if (re.Op == GoOp.Concat && re.Subs.Count > 0)
        {
            return re.Subs[0].Op == GoOp.Empty ? null : re.Subs[0];
        }

        return re;
    }

    private static GoRegexp RemoveLeadingRegexp(GoRegexp re)
    {
        if (re.Op == GoOp.Concat && re.Subs.Count >= 2)
        {
            return re.Subs.Count == 2 ? re.Subs[1] : new GoRegexp(GoOp.Concat) { Subs = [.. re.Subs.Skip(1)] };
        }

        return GoRegexp.Empty();
    }

    private static bool IsCharClass(GoRegexp re) =>
        (re.Op == GoOp.Literal && re.Runes.Length == 1) || re.Op is GoOp.Class or GoOp.AnyChar;

    private static List<GoRegexp> MergeClassRuns(List<GoRegexp> sub)
    {
        var result = new List<GoRegexp>();
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

    private static GoRegexp MergeRun(List<GoRegexp> run)
    {
        if (run.Any(r => r.Op == GoOp.AnyChar))
        {
            return new GoRegexp(GoOp.AnyChar);
        }

        if (run.All(r => r.Op == GoOp.Literal && r.Runes[0] == run[0].Runes[0] && r.Fold == run[0].Fold))
        {
            return run[0];
        }

        if (run.Any(r => r.Opaque))
        {
            return new GoRegexp(GoOp.Class) { Opaque = true };
        }

        var ranges = new List<(int Lo, int Hi)>();
        foreach (var r in run)
        {
            if (r.Op == GoOp.Class)
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
        return ranges.Count == 1 && ranges[0] == (0, MaxLiteral) ? new GoRegexp(GoOp.AnyChar) : new GoRegexp(GoOp.Class) { Ranges = ranges };
    }

    // ---- Go's Simplify ----

    private static GoRegexp Simplify(GoRegexp re)
    {
        switch (re.Op)
        {
            case GoOp.Capture or GoOp.Concat or GoOp.Alternate:
                return new GoRegexp(re.Op) { Subs = [.. re.Subs.Select(Simplify)], Name = re.Name };
            case GoOp.Star or GoOp.Plus or GoOp.Quest:
                return Simplify1(re.Op, Simplify(re.Subs[0]));
            case GoOp.Repeat:
                return SimplifyRepeat(re);
            default:
                return re;
        }
    }

    private static GoRegexp Simplify1(GoOp op, GoRegexp sub)
    {
        if (sub.Op == GoOp.Empty || sub.Op == op)
        {
            return sub;
        }

        return new GoRegexp(op) { Subs = [sub] };
    }

    private static GoRegexp SimplifyRepeat(GoRegexp re)
    {
        if (re.Min == 0 && re.Max == 0)
        {
            return GoRegexp.Empty();
        }

        var sub = Simplify(re.Subs[0]);
        if (re.Max == -1)
        {
            if (re.Min == 0)
            {
                return Simplify1(GoOp.Star, sub);
            }

            if (re.Min == 1)
            {
                return Simplify1(GoOp.Plus, sub);
            }

            return new GoRegexp(GoOp.Concat) { Subs = [.. Enumerable.Repeat(sub, re.Min - 1), Simplify1(GoOp.Plus, sub)] };
        }

        if (re.Min == 1 && re.Max == 1)
        {
            return sub;
        }

        List<GoRegexp>? prefix = re.Min > 0 ? [.. Enumerable.Repeat(sub, re.Min)] : null;
        if (re.Max > re.Min)
        {
            var suffix = Simplify1(GoOp.Quest, sub);
            for (var i = re.Min + 1; i < re.Max; i++)
            {
                suffix = Simplify1(GoOp.Quest, new GoRegexp(GoOp.Concat) { Subs = [sub, suffix] });
            }

            if (prefix is null)
            {
                return suffix;
            }

            prefix.Add(suffix);
        }

        return prefix is null ? new GoRegexp(GoOp.Other) : new GoRegexp(GoOp.Concat) { Subs = prefix };
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
}
