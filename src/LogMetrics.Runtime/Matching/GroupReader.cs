using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace LogMetrics.Runtime.Matching;

/// <summary>
/// Reads a group's last capture straight from a <see cref="Match"/>'s capture arrays. <c>Match.Groups[n]</c> builds a
/// <see cref="Group"/> object for every group of the pattern on first use, about 1 KB a line for apache_combined's 14
/// groups. The fields are the runtime's own; if they are ever missing or disagree with <c>Groups</c>, a startup probe
/// turns the direct read off and the public API is used.
/// </summary>
internal static class GroupReader
{
    /// <summary>The .NET major version whose private fields the direct read (and <see cref="MatchRecycler"/>) was verified
    /// on; a test fails on another, so that a new runtime is checked (tests, bench/run.sh) before this is raised.</summary>
    internal const int VerifiedOnDotNetMajor = 10;

    /// <summary>The options of the program's patterns (TimedRegex, Prematcher): their compiled runners are what the hot
    /// path reads, so the probes build a compiled regex too.</summary>
    internal const RegexOptions CompiledOptions = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>The options of the empty match kept for `/$/`, read through the same fields.</summary>
    internal const RegexOptions InterpretedOptions = RegexOptions.CultureInvariant;

    /// <summary>Production's regexes all have a match timeout, which the compiled code checks as it scans.</summary>
    internal static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>True when the direct read agreed with <c>Match.Groups</c> on the probe patterns.</summary>
    internal static readonly bool Direct = Probe();

    /// <summary>The last capture of group <paramref name="group"/>; false when the group did not participate.</summary>
    public static bool TryGet(Match match, int group, out ReadOnlySpan<char> value)
    {
        if (!TryGetRange(match, group, out var start, out var length))
        {
            value = default;
            return false;
        }

        value = Direct && match.GetType() == typeof(Match) ? TextOf(match).AsSpan(start, length) : match.Groups[group].ValueSpan;
        return true;
    }

    /// <summary>Where the last capture of <paramref name="group"/> starts in the match's text, and its length.</summary>
    public static bool TryGetRange(Match match, int group, out int start, out int length)
    {
        if (Direct && match.GetType() == typeof(Match))
        {
            var counts = CountsOf(match);
            if ((uint)group < (uint)counts.Length && counts[group] > 0)
            {
                var count = counts[group];
                var caps = MatchesOf(match)[group];
                start = caps[(count * 2) - 2];
                length = caps[(count * 2) - 1];
                return true;
            }

            start = length = 0;
            return false;
        }

        var g = match.Groups[group];
        start = g.Index;
        length = g.Length;
        return g.Success;
    }

    private static bool ThroughGroups(Match match, int group, out ReadOnlySpan<char> value)
    {
        var g = match.Groups[group];
        value = g.Success ? g.ValueSpan : default;
        return g.Success;
    }

    private static bool Probe()
    {
        try
        {
            var cases = new (string Pattern, string Text, int Start, int Length, RegexOptions Options)[]
            {
                ("(a)|(b)", "xxb", 0, 3, InterpretedOptions),
                ("(?:(a)|b)+(c)?", "zzabab", 1, 5, InterpretedOptions),
                ("^(x)(y)?()$", "..x..", 2, 1, InterpretedOptions),
                ("", "", 0, 0, InterpretedOptions),
                // The three shapes above (a group captured twice, groups that did not take part in either branch, an
                // empty group, anchors inside a range) in one compiled regex: compiling costs milliseconds at startup.
                ("^(?:(?:(a)|b)+(c)?()|(z))$", "..abab..", 2, 4, CompiledOptions),
            };
            foreach (var (pattern, text, start, length, options) in cases)
            {
                var regex = new Regex(pattern, options, ProbeTimeout);
                var match = regex.Match(text, start, length);
                if (!match.Success || match.GetType() != typeof(Match))
                {
                    return false;
                }

                for (var group = 0; group <= regex.GetGroupNumbers().Length; group++)
                {
                    var counts = CountsOf(match);
                    var direct = group < counts.Length && counts[group] > 0;
                    var expected = ThroughGroups(match, group, out var expectedValue);
                    if (direct != expected)
                    {
                        return false;
                    }

                    if (direct)
                    {
                        var caps = MatchesOf(match)[group];
                        var count = counts[group];
                        var value = TextOf(match).AsSpan(caps[(count * 2) - 2], caps[(count * 2) - 1]);
                        var g = match.Groups[group];
                        if (!value.SequenceEqual(expectedValue) || caps[(count * 2) - 2] != g.Index)
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }
        catch (Exception)
        {
            // MissingFieldException or MissingMethodException: a runtime whose Match is laid out differently.
            return false;
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_matches")]
    private static extern ref int[][] MatchesOf(Match match);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_matchcount")]
    private static extern ref int[] CountsOf(Match match);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Text")]
    private static extern string TextOf(Capture capture);
}
