namespace LogMetrics.Language.Patterns;

/// <summary>Infers a capture's type exactly as mtail 3.0.0-rc50 does (types/types.go InferCaprefType, inferGroupType).</summary>
/// <remarks>
/// mtail looks at Go's regexp/syntax tree of the group after <c>syntax.Parse(Perl)</c> and <c>Simplify()</c>, which
/// <see cref="GoRegexpSimplifier"/> rebuilds. Then mtail's rules apply to that tree:
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

    public static CaptureType Infer(RegexNode group)
    {
        var re = GoRegexpSimplifier.Simplify(group);
        if (re.Op != GoOp.Alternate)
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

    private static CaptureType InferGroup(GoRegexp group)
    {
        if (OnlyMatches(group, Signs))
        {
            return CaptureType.String;
        }

        if (OnlyMatches(group, IntChars))
        {
            // mtail: strings.ContainsAny(group.String(), digits), and a bare class or alternation is String.
            if (!PrintsDigit(group) || group.Op is GoOp.Alternate or GoOp.Class)
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

    private static bool OnlyMatches(GoRegexp re, string allowed) => re.Op switch
    {
        GoOp.Literal => re.Runes.All(r => r <= 0xFFFF && allowed.Contains((char)r, StringComparison.Ordinal)),
        GoOp.Class => !re.Opaque && re.Ranges.All(r => r.Hi - r.Lo <= 64 && Enumerable.Range(r.Lo, r.Hi - r.Lo + 1)
            .All(c => c <= 0xFFFF && allowed.Contains((char)c, StringComparison.Ordinal))),
        GoOp.Star or GoOp.Plus or GoOp.Quest or GoOp.Repeat or GoOp.Capture => OnlyMatches(re.Subs[0], allowed),
        GoOp.Concat or GoOp.Alternate => re.Subs.All(s => OnlyMatches(s, allowed)),
        _ => false,
    };

    private static bool PrintsDigit(GoRegexp re) => re.Op switch
    {
        GoOp.Literal => re.Runes.Any(IsDigit),
        GoOp.Class => re.Ranges.Any(r => IsDigit(r.Lo) || IsDigit(r.Hi)),
        // Go prints a named group as (?P<name>...), so a digit in the name counts too.
        GoOp.Capture => (re.Name?.Any(c => IsDigit(c)) ?? false) || PrintsDigit(re.Subs[0]),
        _ => re.Subs.Any(PrintsDigit),
    };

    private static int CountDots(GoRegexp re) => re.Op switch
    {
        GoOp.Literal => re.Runes.Count(r => r == '.'),
        GoOp.Class => re.Ranges.Any(r => r.Lo <= '.' && '.' <= r.Hi) ? 1 : 0,
        _ => re.Subs.Sum(CountDots),
    };

    private static bool IsDigit(int c) => c is >= '0' and <= '9';
}
