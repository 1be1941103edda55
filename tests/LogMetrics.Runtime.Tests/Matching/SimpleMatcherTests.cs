using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Tests.Matching;

/// <summary>The simple matcher finds what .NET's regex finds for the same pattern text: the same match, the same groups.</summary>
public sealed class SimpleMatcherTests
{
    // apache_combined.mtail as the translator writes it with the five groups the program reads capturing.
    private const string ApacheCombined =
        @"^(?:[\u002E0-:A-Za-z\-]+)\u0020(?:[\-0-9A-Za-z]+)\u0020(?:[\-0-9A-Za-z]+)\u0020\[(?:[0-9]{2}/[0-9A-Z_a-z]{3}/[0-9]{4}:[0-9]{2}:[0-9]{2}:[0-9]{2}\u0020(?:\+|\-)[0-9]{4})\]\u0020""([A-Z]+)\u0020(?:[^\u0009-\u000A\u000C-\u000D\u0020]+)\u0020(HTTP/[\u002E0-9]+)""\u0020([0-9]{3})\u0020(?:([0-9]+)|\-)\u0020""(?:[^\u0009-\u000A\u000C-\u000D\u0020]+)""\u0020""(?:[\u0020-~]+)""\z";

    [Theory]
    [InlineData(ApacheCombined)]
    [InlineData("abc")]
    [InlineData(@"^a\.b\z")]
    [InlineData(@"[^a-c\u0020]+x")]
    [InlineData(@"(a|bc)?d")]
    [InlineData(@"(?:a|b)c{2,}?$")]
    [InlineData(@"x{0,3}y{2}\A\Z")]
    [InlineData(@".*")]
    [InlineData(@"(a)+")]
    [InlineData(@"(?:ab)*?c")]
    [InlineData(@"[0-9]+(?:\.[0-9]+){1,3}/[0-9]+")]
    [InlineData(@"\bx\b")]
    [InlineData(@"(?<![0-9])c(?![d\-])(?=e)(?<=\\)")]
    [InlineData(@"(?-i:a)")]
    public void ReadsPlainPatterns(string pattern) =>
        Assert.NotNull(SimplePattern.TryRead(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled));

    [Theory]
    [InlineData(@"(?i)abc", RegexOptions.CultureInvariant)]
    [InlineData(@"abc", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    [InlineData(@"a$", RegexOptions.Multiline)]
    [InlineData(@"\d+", RegexOptions.CultureInvariant)]
    [InlineData(@"\b+", RegexOptions.CultureInvariant)]
    // .NET's backtracking engines find no match for \n{1,3}\B in "x\n\na" (its NonBacktracking engine and RE2 do):
    // \B stays on the regex, whose behaviour is what the program had.
    [InlineData(@"x\B", RegexOptions.CultureInvariant)]
    [InlineData(@"[\p{L}]", RegexOptions.CultureInvariant)]
    [InlineData(@"(a*)+", RegexOptions.CultureInvariant)]
    [InlineData(@"(?:a|b?)*", RegexOptions.CultureInvariant)]
    [InlineData(@"(a*)?", RegexOptions.CultureInvariant)]
    [InlineData(@"(?:ab){0}", RegexOptions.CultureInvariant)]
    [InlineData(@"(?=a+)", RegexOptions.CultureInvariant)]
    [InlineData(@"(?<=(a))", RegexOptions.CultureInvariant)]
    [InlineData(@"(?!a|b)", RegexOptions.CultureInvariant)]
    [InlineData(@"(?i:a)", RegexOptions.CultureInvariant)]
    // .NET backtracks into an atomic group inside a repeat ((?>[a-c]{2,}){2,} matches "acacab"): left to the regex.
    [InlineData(@"(?>a+)", RegexOptions.CultureInvariant)]
    [InlineData(@"(a)\1", RegexOptions.CultureInvariant)]
    [InlineData(@"a{,2}", RegexOptions.CultureInvariant)]
    [InlineData(@"[a-]", RegexOptions.CultureInvariant)]
    [InlineData(@"[a-z-[aeiou]]", RegexOptions.CultureInvariant)]
    [InlineData(@"^*", RegexOptions.CultureInvariant)]
    [InlineData(@"a**", RegexOptions.CultureInvariant)]
    [InlineData(@"(ab", RegexOptions.CultureInvariant)]
    public void LeavesEverythingElseToTheRegex(string pattern, RegexOptions options) =>
        Assert.Null(SimplePattern.TryRead(pattern, options));

    [Theory]
    [InlineData(@"""([^\u0009-\u000A\u000C-\u000D\u0020]+)"" ", "\"-\" x", "-")]
    [InlineData(@"""([\u0020-~]+)""\z", "\"a \"b\"", "a \"b")]
    [InlineData(@"(?:([0-9]+)|\-)\u0020", "- ", null)]
    [InlineData(@"(?:([0-9]+)|\-)\u0020", "12 ", "12")]
    [InlineData(@"a(b)?b", "ab", null)]
    [InlineData(@"a(b)??b", "abb", null)]
    [InlineData(@"x([a-c]+?)c", "xabcc", "ab")]
    [InlineData(@"b(c)$", "abc\n", "c")]
    [InlineData(@"(?:(a)|b)+c", "abc", "a")]
    [InlineData(@"(?:,([a-z]+))*x", ",ab,cdx", "cd")]
    [InlineData(@"([^\n\u0020]+[^\n\u0020]*){1,3}a", "/\"-ca\"", "/\"-c")]
    [InlineData(@"([^\n\u0020]+){1,3}a", "/\"-ca\"", "/\"-c")]
    [InlineData(@"(?:,([a-z]+))*?,cd", ",ab,cd", "ab")]
    [InlineData(@"(?:([0-9])[.]){2,3}[0-9]", "1.2.3.4", "3")]
    [InlineData(@"(?<![0-9])([0-9]+)\b", "a12 345", "12")]
    [InlineData(@"\b([a-zé]+)(?!<)", "éa<b", "é")]
    public void MatchesAsTheRegex(string pattern, string text, string? group1)
    {
        var spans = Compare(pattern, text, 0, text.Length);
        Assert.NotNull(spans);
        Assert.Equal(group1, spans[2] < 0 ? null : text.Substring(spans[2], spans[3]));
    }

    [Fact]
    public void MatchesApacheCombinedLinesAsTheRegex()
    {
        string[] lines =
        [
            "10.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326 \"http://x/\" \"Mozilla/4.08 [en] (Win98)\"",
            "::1 - - [10/Oct/2000:13:55:36 +0000] \"POST /x HTTP/1.1\" 404 - \"-\" \"curl \"quoted\" agent\"",
            "10.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326 \"http://x/\" \"\"",
            "junk",
        ];
        var matched = 0;
        foreach (var line in lines)
        {
            // The line inside a larger text, as a batch holds it.
            var text = "prefix\n" + line + "\nsuffix";
            if (Compare(ApacheCombined, text, 7, line.Length) is not null)
            {
                matched++;
            }
        }

        Assert.Equal(2, matched);
    }

    [Fact]
    public void GivesUpOnAPathologicalSearchInsteadOfRunningLong()
    {
        var matcher = SimplePattern.TryRead("a*a*a*a*a*a*a*b", RegexOptions.CultureInvariant)!;
        var text = new string('a', 200);
        Span<int> spans = stackalloc int[2];
        Assert.Equal(SimpleMatchResult.GaveUp, matcher.Match(text, 0, text.Length, spans));
    }

    [Fact]
    public void GivesUpOnALoopTooDeepForTheStack()
    {
        var matcher = SimplePattern.TryRead("(?:ab)*c", RegexOptions.CultureInvariant)!;
        var text = string.Concat(Enumerable.Repeat("ab", SimpleMatcher.MaxDepth)) + "c";
        Span<int> spans = stackalloc int[2];
        Assert.Equal(SimpleMatchResult.GaveUp, matcher.Match(text, 0, text.Length, spans));
        Assert.Equal(SimpleMatchResult.Matched, matcher.Match(text, text.Length - 21, 21, spans));
    }

    /// <summary>Random patterns of the shapes the reader takes, and random texts over a small alphabet so that they
    /// match often: every pattern the reader accepts gives the regex's result on every text and range.</summary>
    [Fact]
    public void AgreesWithTheRegexOnRandomPatternsAndTexts()
    {
        var read = 0;
        var matched = 0;
        var gaveUps = 0;
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var pattern = RandomPattern(random, depth: 0);
            var regex = Regex(pattern);
            var matcher = SimplePattern.TryRead(pattern, RegexOptions.CultureInvariant);
            if (regex is null || matcher is null)
            {
                return;
            }

            for (var i = 0; i < 12; i++)
            {
                var text = RandomText(random);
                var start = random.Next(text.Length + 1);
                var length = random.Next(text.Length - start + 1);
                Interlocked.Increment(ref read);
                var gaveUp = false;
                var spans = Compare(regex, matcher, text, start, length, ref gaveUp);
                if (gaveUp)
                {
                    Interlocked.Increment(ref gaveUps);
                }

                if (spans is not null)
                {
                    Interlocked.Increment(ref matched);
                }
            }
        }, iter: 20_000);

        // The generator must reach the matcher, and matches: else this test checks nothing.
        Assert.True(read > 50_000, $"only {read} texts ran on a read pattern");
        Assert.True(matched > 10_000, $"only {matched} matches");
        Assert.True(gaveUps < read / 1000, $"{gaveUps} searches given up");
    }

    private static int[]? Compare(string pattern, string text, int start, int length)
    {
        var regex = Regex(pattern);
        Assert.NotNull(regex);
        var matcher = SimplePattern.TryRead(pattern, RegexOptions.CultureInvariant);
        Assert.NotNull(matcher);
        var gaveUp = false;
        var spans = Compare(regex, matcher, text, start, length, ref gaveUp);
        Assert.False(gaveUp);
        return spans;
    }

    /// <summary>The regex of a pattern .NET accepts; null (and then the reader must refuse it too) for one it rejects.</summary>
    private static Regex? Regex(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException)
        {
            Assert.Null(SimplePattern.TryRead(pattern, RegexOptions.CultureInvariant));
            return null;
        }
    }

    /// <summary>Matches with both; fails the test where they differ. The groups' spans on a match, else null.</summary>
    /// <summary>A search the matcher gives up (its step budget: nested repeats explored to exhaustion) is the regex's
    /// to run, so it is only counted.</summary>
    private static int[]? Compare(Regex regex, SimpleMatcher matcher, string text, int start, int length, ref bool gaveUp)
    {
        var pattern = regex.ToString();
        var groups = regex.GetGroupNumbers().Length;
        Assert.Equal(groups, matcher.Groups);
        var spans = new int[2 * groups];
        var result = matcher.Match(text, start, length, spans);
        var expected = regex.Match(text, start, length);
        var where = $"pattern {pattern} on \"{text.Replace("\n", "\\n", StringComparison.Ordinal)}\"[{start}..+{length}]";
        if (result == SimpleMatchResult.GaveUp)
        {
            gaveUp = true;
            return null;
        }

        Assert.True(expected.Success == (result == SimpleMatchResult.Matched), $"{where}: regex {expected.Success}, matcher {result}");
        if (!expected.Success)
        {
            return null;
        }

        for (var g = 0; g < groups; g++)
        {
            var group = expected.Groups[g];
            Assert.True(group.Success == spans[2 * g] >= 0, $"{where}: group {g} took part");
            if (group.Success)
            {
                Assert.True((group.Index, group.Length) == (spans[2 * g], spans[(2 * g) + 1]), $"{where}: group {g} at {group.Index}+{group.Length}, matcher {spans[2 * g]}+{spans[(2 * g) + 1]}");
            }
        }

        return spans;
    }

    private static readonly string[] s_literals = ["a", "b", "c", @"\u0020", @"\n", "é", @"\.", @"\-", "\"", "/"];
    private static readonly string[] s_classes = ["[ab]", "[^a]", "[a-c]", @"[\u0020-b]", ".", @"[^\n\u0020]", "[é-ê]", @"[\-/a]"];
    private static readonly string[] s_anchors =
        ["^", "$", @"\z", @"\A", @"\Z", @"\b", "(?=a)", "(?![ab])", "(?<=b)", @"(?<![a\-])", "(?!a[bc])", @"(?<=\u0020é)"];
    private static readonly string[] s_quantifiers = ["", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,2}", "{2,}", "*?", "+?", "??", "{1,2}?"];
    private static readonly string[] s_alphabet = ["a", "b", "c", " ", "\n", "é", ".", "-", "\"", "/", "ab", "ca"];

    private static string RandomPattern(Random random, int depth)
    {
        var sb = new StringBuilder();
        var branches = depth < 2 && random.Next(4) == 0 ? 2 + random.Next(2) : 1;
        for (var b = 0; b < branches; b++)
        {
            if (b > 0)
            {
                sb.Append('|');
            }

            var items = random.Next(depth == 0 ? 6 : 4) + (depth == 0 ? 1 : 0);
            for (var i = 0; i < items; i++)
            {
                var kind = random.Next(depth < 2 ? 10 : 8);
                if (kind < 4)
                {
                    sb.Append(s_literals[random.Next(s_literals.Length)]);
                }
                else if (kind < 7)
                {
                    sb.Append(s_classes[random.Next(s_classes.Length)]);
                }
                else if (kind < 8)
                {
                    sb.Append(s_anchors[random.Next(s_anchors.Length)]);
                    continue;
                }
                else
                {
                    sb.Append(random.Next(2) == 0 ? "(" : "(?:").Append(RandomPattern(random, depth + 1)).Append(')');
                    sb.Append(random.Next(2) == 0 ? "" : s_quantifiers[random.Next(s_quantifiers.Length)]);
                    continue;
                }

                sb.Append(s_quantifiers[random.Next(s_quantifiers.Length)]);
            }
        }

        return sb.ToString();
    }

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        var pieces = random.Next(10);
        for (var i = 0; i < pieces; i++)
        {
            sb.Append(s_alphabet[random.Next(s_alphabet.Length)]);
        }

        return sb.ToString();
    }
}
