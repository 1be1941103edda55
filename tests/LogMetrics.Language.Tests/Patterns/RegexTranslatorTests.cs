using System.Text.RegularExpressions;
using CsCheck;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Tests.Patterns;

public sealed class RegexTranslatorTests
{
    private static RegexTranslation Translate(string pattern) => RegexTranslator.Translate(pattern, GrokLibrary.Default);

    public static TheoryData<string, string> Translations => new()
    {
        { "abc", "abc" },
        { @"a\.b", @"a\.b" },
        { "a.b", "a.b" },
        { @"\d+", "[0-9]+" },
        { @"\D", @"[\u0000-\u002F\u003A-\uFFFF]" },
        { @"\s", @"[\u0009\u000A\u000C\u000D\u0020]" },
        { @"\w*", "[0-9A-Z_a-z]*" },
        { "[[:alpha:]]", "[A-Za-z]" },
        { "[[:^digit:]x]", @"[\u0000-\u002F\u003A-\uFFFF]" },
        { "[^[:space:]]", @"[^\u0009-\u000D\u0020]" },
        { @"[\d.]", @"[\.0-9]" },
        { "[a-c-]", @"[\-a-c]" },
        { "[]a]", @"[\]a]" },
        { @"\Qa.b*\E", @"(?:a\.b\*)" },
        { @"\Qa.b", @"(?:a\.b)" },
        { @"^a$", @"^a\z" },
        { @"(?m)^a$", @"(?m)^a$" },
        { @"\Aa\z", @"\Aa\z" },
        // RE2's \b and \B only know ASCII word characters.
        { @"\bword\B", "(?-i:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))word(?-i:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))" },
        { @"\pL\p{Greek}\PN", @"[\p{L}][\p{IsGreekandCoptic}][\P{N}]" },
        { @"\p{^Lu}", @"[\P{Lu}]" },
        { "(?i)abc", "(?i)abc" },
        { "(?i:a)b", "(?i:a)b" },
        { "(?s-i:a.)", "(?s-i:a.)" },
        { "(?U)a+b*?", "a+?b*" },
        { "(?U:a+)a+", "(?:a+?)a+" },
        { "a{2}b{2,}c{2,5}", "a{2}b{2,}c{2,5}" },
        { "a{", @"a\{" },
        { "a{,3}", @"a\{,3\}" },
        { "x{2", @"x\{2" },
        { "{}", @"\{\}" },
        { "a|b|", "a|b|" },
        { "(a|b)c", "(a|b)c" },
        { "(?P<x>a)(?<y>b)(c)", "(a)(b)(c)" },
        { "(?:ab)+", "(?:ab)+" },
        { "(ab)*?", "(ab)*?" },
        { "a# b", @"a\#\u0020b" },
        { @"\x41\x{263a}\101\0", "A\u263aA\\u0000" },
        { @"\t\n\r\f\v\a", @"\t\n\r\u000C\u000B\u0007" },
        { "%{INT}", @"(?:(?:[\+\-]?(?:[0-9]+)))" },
        { "%{INT:n}", @"((?:(?:[\+\-]?(?:[0-9]+))))" },
        { "100%", "100%" },
        { "%{ x}", @"%\{\u0020x\}" },
    };

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translates_to_dotnet(string pattern, string expected)
    {
        var t = Translate(pattern);
        Assert.True(t.Success, string.Join("; ", t.Errors));
        Assert.Equal(expected, t.Pattern);
        _ = new Regex(t.Pattern, t.Options);
    }

    public static TheoryData<string, string, bool> Behaviour => new()
    {
        // Classes whose members form a range of punctuation ('-', '.', '/'): .NET reads "[\--/]" as two characters.
        { "^13[./-]03$", "13.03", true },
        { "^13[-./]03$", "13/03", true },
        { "^[!-/]$", "*", true },
        { "^[!-/]$", "0", false },
        // RE2's $ without (?m) is the end of the text, not before a final newline.
        { "a$", "a\n", false },
        { "(?m)a$", "a\nb", true },
        { "^b", "a\nb", false },
        { "(?m)^b", "a\nb", true },
        { "a.b", "a\nb", false },
        { "(?s)a.b", "a\nb", true },
        // Perl classes are ASCII-only in RE2.
        { @"^\d$", "٣", false },
        { @"^\w$", "é", false },
        { @"^\s$", "\u00a0", false },
        { "^[[:alpha:]]+$", "abcé", false },
        { @"^\pL+$", "abcé", true },
        { "(?i)straße", "STRASSE", false },
        { "(?i)hello", "HeLLo", true },
        { @"\Q.*\E", "a.*b", true },
        { @"\Q.*\E", "ab", false },
        { "a{,3}", "a{,3}", true },
        { "x*", "", true },
        // \b and \B are ASCII-only in RE2; each row checked with mtail 3.0.0~rc50 (a counter on /PATTERN/ over one line).
        { @"\bb", "éb", true },
        { @"\Bb", "éb", false },
        { @"b\b", "bé", true },
        { @"b\B", "bé", false },
        { @"\bb", "ab", false },
        { @"\Bb", "ab", true },
        { @"^\b", "", false },
        { @"^\B$", "", true },
        { @"(?i)\bk", "éK", true },
        { @"\b\d", "٣1", true },
        { @"x\b", "x_", false },
        { @"x\b", "x-", true },
        { @"\bé", " é", false },
        { @"\Bé", " é", true },
        { @"é\b", "éa", true },
    };

    [Theory]
    [MemberData(nameof(Behaviour))]
    public void Matches_like_RE2(string pattern, string input, bool expected)
    {
        var t = Translate(pattern);
        Assert.True(t.Success, string.Join("; ", t.Errors));
        Assert.Equal(expected, new Regex(t.Pattern, t.Options).IsMatch(input));
    }

    public static TheoryData<string, string> Numbering => new()
    {
        // "number:name" per group, in RE2 order (named groups keep their left-parenthesis position).
        { "(a)(?P<x>b)(c)", "1:-,2:x,3:-" },
        { "(?P<x>a(b)(?<y>c))(d)", "1:x,2:-,3:y,4:-" },
        { "(?:a)(b)", "1:-" },
        { "(?i)(a)(?i:(b))", "1:-,2:-" },
        { "%{INT:n} (x)", "1:n,2:-" },
        { "%{SYSLOGPROG}", "1:program,2:pid" },
        { "(?P<ip>%{IP}) %{INT:port}", "1:ip,2:port" },
        { "%{HOSTPORT:hp}", "1:hp" },
        { "%{URIHOST}", "1:port" },
        { "%{INT:a} %{INT:a}", "1:a,2:a" },
    };

    [Theory]
    [MemberData(nameof(Numbering))]
    public void Numbers_groups_in_RE2_order(string pattern, string expected)
    {
        var t = Translate(pattern);
        Assert.True(t.Success, string.Join("; ", t.Errors));
        Assert.Equal(expected, string.Join(",", t.Groups.Select(g => $"{g.Number}:{g.Name ?? "-"}")));
        var regex = new Regex(t.Pattern, t.Options);
        Assert.Equal(t.Groups.Count + 1, regex.GetGroupNumbers().Length);
    }

    [Fact]
    public void Named_groups_keep_their_RE2_numbers_in_the_dotnet_match()
    {
        var t = Translate(@"(\w+) (?P<code>\d+) (\w+)");
        var m = new Regex(t.Pattern, t.Options).Match("GET 200 OK");
        Assert.Equal("GET", m.Groups[1].Value);
        Assert.Equal("200", m.Groups[2].Value);
        Assert.Equal("code", t.Groups[1].Name);
        Assert.Equal("OK", m.Groups[3].Value);
    }

    [Fact]
    public void Library_captures_appear_with_their_names()
    {
        var t = Translate("%{COMBINEDAPACHELOG}");
        var names = t.Groups.Select(g => g.Name).ToHashSet();
        foreach (var name in new[] { "clientip", "ident", "auth", "timestamp", "verb", "request", "httpversion", "response", "bytes", "referrer", "agent" })
        {
            Assert.Contains(name, names);
        }

        Assert.All(t.Groups, g => Assert.NotNull(g.Name));
    }

    public static TheoryData<string, int, CaptureType, bool> Types => new()
    {
        { @"(\d+)", 1, CaptureType.Int, false },
        { @"(-?\d+)", 1, CaptureType.Int, false },
        { @"(-?\d+\.\d+)", 1, CaptureType.Float, false },
        { @"([0-9]+)", 1, CaptureType.Int, false },
        { @"(\d+\.\d+)", 1, CaptureType.Float, false },
        { @"(\d+(?:\.\d+)?)", 1, CaptureType.Float, false },
        { @"([-+]?\d+\.\d+[eE][-+]?\d+)", 1, CaptureType.Float, false },
        { @"(\d+.\d+)", 1, CaptureType.String, false },
        { @"(\d+\.\d+\.\d+)", 1, CaptureType.String, false },
        { @"(\S+)", 1, CaptureType.String, false },
        { @"([+-])", 1, CaptureType.String, false },
        { @"(-|\d+)", 1, CaptureType.String, false },
        { @"(\d+|\d+\.\d+)", 1, CaptureType.Float, false },
        { @"(\d+)?", 1, CaptureType.Int, true },
        { @"a|(\d+)", 1, CaptureType.Int, true },
        { @"(?:x(\d+))*", 1, CaptureType.Int, true },
        { @"(\d{1,3})", 1, CaptureType.Int, false },
        { "%{INT:n}", 1, CaptureType.String, false },
        { "%{INT:n:int}", 1, CaptureType.Int, false },
        { "%{NUMBER:n:float}", 1, CaptureType.Float, false },
        { "%{NUMBER:n:string}", 1, CaptureType.String, false },
        { "(?:%{INT:n:int})?", 1, CaptureType.Int, true },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Infers_capture_types_like_mtail(string pattern, int group, CaptureType type, bool optional)
    {
        var t = Translate(pattern);
        Assert.True(t.Success, string.Join("; ", t.Errors));
        Assert.Equal(type, t.Groups[group - 1].Type);
        Assert.Equal(optional, t.Groups[group - 1].IsOptional);
    }

    /// <summary>Each row is the type mtail 3.0.0~rc50 gives $x in <c>/^(?P&lt;x&gt;SHAPE)$/</c>, read from
    /// <c>mtail --compile_only --dump_ast_types</c> (the CaprefTerm annotation).</summary>
    public static TheoryData<string, CaptureType> MtailCaptureTypes => new()
    {
        { @"\d+", CaptureType.Int },
        { @"-?\d+", CaptureType.Int },
        { @"-\d+", CaptureType.Int },
        { @"[+-]?\d+", CaptureType.Int },
        { @"[-+]?\d+", CaptureType.Int },
        { @"\+\d+", CaptureType.Int },
        { @"-?\d+\.\d+", CaptureType.Float },
        { @"\d+\.\d+", CaptureType.Float },
        { @"\d+.\d+", CaptureType.String },
        { @"-|\d+", CaptureType.String },
        { @"\d+|-", CaptureType.String },
        { @"\d", CaptureType.String },
        { @"[0-9]", CaptureType.String },
        { @"[0-9]+", CaptureType.Int },
        { @"5", CaptureType.Int },
        { @"-5", CaptureType.Int },
        { @"\d{2}", CaptureType.Int },
        { @"\d{2,4}", CaptureType.Int },
        { @"\d*", CaptureType.Int },
        { @"\d+|\d+\.\d+", CaptureType.Float },
        { @"\d+(?:\.\d+)?", CaptureType.Float },
        { @"[0-9.]+", CaptureType.Float },
        { @"\d+\.\d+\.\d+", CaptureType.String },
        { @"\.", CaptureType.Float },
        { @"e", CaptureType.Float },
        { @"[eE]", CaptureType.Float },
        { @"-", CaptureType.String },
        { @"[+-]", CaptureType.String },
        { @"\+", CaptureType.String },
        { @"\d+[eE][+-]?\d+", CaptureType.Float },
        { @"\d|-", CaptureType.String },
        { @"1|2", CaptureType.String },
        { @"10|20", CaptureType.Int },
        { @"\d+|", CaptureType.String },
        { @"(?:\d+)", CaptureType.Int },
        { @"(\d+)", CaptureType.Int },
        { @"-?(\d+)", CaptureType.Int },
        { @"\d+\s", CaptureType.String },
        { @"\S+", CaptureType.String },
        { @"\w+", CaptureType.String },
        { @"(?i)e", CaptureType.Float },
        { @"\d+,\d+", CaptureType.String },
        { @"[0-9-]+", CaptureType.Int },
        { @"[-0-9]+", CaptureType.Int },
        { @"[^a-z]+", CaptureType.String },
        { @"\d+(?:-\d+)?", CaptureType.Int },
        { @"\d+|x", CaptureType.String },
        { @"1.5", CaptureType.String },
        { @"\.\d+", CaptureType.Float },
        { @"\d+\.", CaptureType.Float },
        { @"\d+(?:\.\d+){2}", CaptureType.String },
        { @"\p{Nd}+", CaptureType.String },
        { @"[[:digit:]]+", CaptureType.Int },
        { @"0x\d+", CaptureType.String },
        { @"(?:\d)", CaptureType.String },
        { @"\d\d", CaptureType.Int },
        { @"\.{2}", CaptureType.String },
        { @"\d{1}", CaptureType.String },
        { @"\d{0,1}", CaptureType.Int },
        { @"\d{1,}", CaptureType.Int },
        { @"\d{0}", CaptureType.String },
        { @"(\d)", CaptureType.Int },
        { @"((\d))", CaptureType.Int },
        { @"[5]", CaptureType.Int },
        { @"5|5", CaptureType.Int },
        { @"1|12", CaptureType.String },
        { @"12|13", CaptureType.Int },
        { @"-1|-2", CaptureType.Int },
        { @"\d|\d\d", CaptureType.String },
        { @"\d\.\d|\d", CaptureType.String },
        { @"1|1.5", CaptureType.String },
        { @"(?i)(?:5)", CaptureType.Int },
        { @"(?i:\d+)", CaptureType.Int },
        { @"\d+(?i)", CaptureType.Int },
        { @"-?", CaptureType.String },
        { @"(?:-)?\d+", CaptureType.Int },
        { @"\d+(?:e\d+)?", CaptureType.Float },
        { @"[+-]\d", CaptureType.Int },
        { @"[-5]", CaptureType.String },
        { @"-|5", CaptureType.String },
        { @"\d+|\d+", CaptureType.Int },
        { @"\d+(?:|-)", CaptureType.String },
        { @"5(?:|5)", CaptureType.String },
        { @"(?:1|2)\d", CaptureType.Int },
        { @"[0-9]|x", CaptureType.String },
        { @"(?P<a1>-)", CaptureType.String },
        { @"(?P<n>-)", CaptureType.String },
        { @"\d+|\.", CaptureType.Float },
        { @"1\.5|2\.5", CaptureType.Float },
        { @"1\.5|1\.25", CaptureType.Float },
        { @"\d\d|\d-\d", CaptureType.Int },
        { @"x{0}\d+", CaptureType.String },
        { @"\d+-{0}", CaptureType.String },
        { @"(?:\.\d){2}", CaptureType.String },
        { @"[.]", CaptureType.Float },
        { @"[\d.]", CaptureType.Float },
        { @"[0-9]{1,1}", CaptureType.String },
        { @"\d+|\d+e\d+", CaptureType.Float },
        { @"(?s:.)", CaptureType.String },
        { @"^\d+", CaptureType.String },
        { @"\d+\b", CaptureType.String },
        { @"(?:)", CaptureType.String },
        { @"-\d|-\d\d", CaptureType.String },
        { @"\d*\.?\d*", CaptureType.Float },
        { @"[+]?\d+", CaptureType.Int },
        { @"\+?\d+|-\d+", CaptureType.Int },
        { @"[1-3]|[4-6]", CaptureType.String },
        { @"[1-3]\d|[4-6]\d", CaptureType.Int },
    };

    [Theory]
    [MemberData(nameof(MtailCaptureTypes))]
    public void Capture_types_match_the_mtail_binary(string shape, CaptureType type)
    {
        var t = Translate("^(?P<x>" + shape + ")$");
        Assert.True(t.Success, string.Join("; ", t.Errors));
        Assert.Equal(type, t.Groups.Single(g => g.Name == "x").Type);
    }

    public static TheoryData<string, string, int, int> Errors => new()
    {
        // pattern, code, offset, length
        { @"(a)\1", "LM3006", 3, 2 },
        { "a(?=b)", "LM3007", 1, 3 },
        { "a(?!b)", "LM3007", 1, 3 },
        { "(?<=a)b", "LM3007", 0, 4 },
        { "(?<!a)b", "LM3007", 0, 4 },
        { @"a\e", "LM3005", 1, 2 },
        { @"\h", "LM3005", 0, 2 },
        { @"\x4", "LM3005", 0, 3 },
        { "(ab", "LM3002", 0, 1 },
        { "ab)", "LM3003", 2, 1 },
        { "[ab", "LM3004", 0, 3 },
        { "*a", "LM3008", 0, 1 },
        { "a|+", "LM3008", 2, 1 },
        { "(?i)*", "LM3008", 4, 1 },
        { "a**", "LM3009", 1, 2 },
        { "a+?+", "LM3009", 1, 3 },
        { "a{1001}", "LM3010", 1, 6 },
        { "a{3,2}", "LM3010", 1, 5 },
        { "(?P<1-x>a)", "LM3011", 0, 8 },
        { "(?P=x)", "LM3011", 0, 4 },
        { "(?x)a", "LM3012", 0, 3 },
        { "(?i-)a", "LM3012", 0, 5 },
        { "(?>a)", "LM3012", 0, 3 },
        { "[z-a]", "LM3013", 1, 3 },
        { "[[:foo:]]", "LM3014", 1, 7 },
        { @"\p{Klingon}", "LM3014", 0, 11 },
        { "%{NOPE}", "LM3001", 0, 7 },
        { "x %{INT:n:bool}", "LM3015", 2, 13 },
        { "%{INT:}", "LM3019", 0, 7 },
        { "%{INT", "LM3019", 0, 5 },
        { @"ab\", "LM3020", 2, 1 },
        { @"\C", "LM3022", 0, 2 },
        { new string('(', 501) + "a" + new string(')', 501), "LM3023", 500, 1 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Reports_errors_with_offsets(string pattern, string code, int offset, int length)
    {
        var t = Translate(pattern);
        Assert.False(t.Success);
        var error = Assert.Single(t.Errors);
        Assert.Equal((code, offset, length), (error.Code, error.Offset, error.Length));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        _ = new Regex(t.Pattern, t.Options);
    }

    // Pieces of RE2 and Oniguruma syntax, valid or not, to put together at random.
    private static readonly string[] s_pieces =
    [
        "a", "é", ".", @"\d", @"\W", @"\s", @"\b", @"\B", "^", "$", @"\A", @"\z", @"\Z", @"\G", "[a-z]", "[^a]", "[]a]", "[-a]", "[a-]",
        @"[\d-]", "[[:alpha:]]", "[[:^digit:]x]", "[[a]b]", @"\pL", @"\PL", @"\p{Greek}", @"\p{Lu}", "(?i)", "(?s)", "(?m)", "(?U)",
        "(?-i)", "(?i:", "(", "(?:", "(?P<n>", "(?<m>", "(?>", "(?=", "(?<=", ")", ")", "|", "*", "+", "?", "*?", "*+", "{2}", "{1,3}",
        "{0,}", @"\Q*\E", @"\x{41}", @"\x41", @"\123", @"\\", @"\.", "-", "[", "]", "{", "}", @"\1", @"\k<n>", "%{INT}",
        "%{WORD:w}", "%{NUMBER:n:float}", @"\t", @"\v", "(?#c)",
    ];

    [Fact]
    public void Every_translated_pattern_compiles()
    {
        // The translator does not try the .NET constructor: the emitter writes only syntax .NET accepts. A pattern
        // with errors is replaced by one that matches nothing, which compiles too. Grok definitions take Oniguruma's
        // wider syntax, so each sample is tried as a regex literal and as a definition.
        Gen.Int[0, s_pieces.Length - 1].Array[1, 10].Select(ix => string.Concat(ix.Select(i => s_pieces[i]))).Sample(pattern =>
        {
            var user = Translate(pattern);
            _ = new Regex(user.Pattern, user.Options);
            var library = GrokLibrary.Default.WithDefinitions([("SAMPLE", pattern)], out _);
            var grok = RegexTranslator.Translate("%{SAMPLE}", library);
            _ = new Regex(grok.Pattern, grok.Options);
        }, iter: 20_000);
    }

    [Fact]
    public void Reports_every_error_not_just_the_first()
    {
        var t = Translate(@"(a\1 %{NOPE} [z-a] b**");
        Assert.Equal(["LM3002", "LM3006", "LM3001", "LM3013", "LM3009"], t.Errors.Select(e => e.Code));
        Assert.Equal([0, 2, 5, 14, 20], t.Errors.Select(e => e.Offset));
    }

    [Fact]
    public void Unknown_grok_names_get_a_hint()
    {
        var error = Assert.Single(Translate("%{IPV5}").Errors);
        Assert.Equal("unknown grok pattern 'IPV5'", error.Message);
        Assert.Contains("IPV4", error.Hint);
    }

    public static TheoryData<string, string?> RequiredLiterals => new()
    {
        { "abc", "abc" },
        { @"GET (\S+) HTTP", " HTTP" },
        { @"^(\d+) bytes from (\S+)$", " bytes from " },
        { "(?i)abc", null },
        { "a|b", null },
        { "foo(bar|baz)", "fooba" },
        { "(x+|y+)suffix", "suffix" },
        { "ab*c", "a" },
        { "(ab)+cd", "abcd" },
        { "(?:ab)?cd", "cd" },
        { @"\d+", null },
        { "status=%{INT:code}", "status=" },
        { "%{INT:code} done", " done" },
        { "(?i)%{INT:code} done", null },
        { "%{WORD:w}(?i) done", null },
    };

    [Theory]
    [MemberData(nameof(RequiredLiterals))]
    public void Finds_a_literal_every_match_contains(string pattern, string? expected)
    {
        var t = Translate(pattern);
        Assert.True(t.Success, string.Join("; ", t.Errors));
        Assert.Equal(expected, t.RequiredLiteral);
    }

    [Fact]
    public void Word_boundaries_are_ascii_in_user_regexes_but_unicode_in_grok_definitions()
    {
        // User regexes are RE2 (ASCII \b, checked with mtail); grok definitions are Oniguruma, whose \b is Unicode.
        var user = Translate(@"\bword\b");
        Assert.DoesNotContain(@"\b", user.Pattern, StringComparison.Ordinal);
        Assert.Matches(new Regex(user.Pattern, user.Options), "éword");

        var grok = Translate("%{WORD:w}");
        Assert.Contains(@"\b", grok.Pattern, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("^a" + grok.Pattern, grok.Options), "aéword");
        Assert.Matches(new Regex(grok.Pattern, grok.Options), "é word");
    }

    [Fact]
    public void Grok_library_recursion_is_an_error()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "loop"), "# comment\n\nLOOPA x%{LOOPB}\nLOOPB y%{LOOPA}\nOK %{INT:n}z\nBAD [a\nnot-a-name x\n");
            var library = GrokLibrary.Default.WithPatternsFrom(dir.FullName, out var errors);
            Assert.True(library.Contains("OK"));
            Assert.Contains(errors, e => e.Contains("loop:3:", StringComparison.Ordinal) && e.Contains("LM3016", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("loop:6:", StringComparison.Ordinal) && e.Contains("LM3004", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("loop:7:", StringComparison.Ordinal));

            var t = RegexTranslator.Translate("%{LOOPA}", library);
            Assert.Equal("LM3016", Assert.Single(t.Errors).Code);
            var ok = RegexTranslator.Translate("%{OK}", library);
            Assert.True(ok.Success);
            Assert.Equal("n", ok.Groups[0].Name);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Later_pattern_files_override_earlier_definitions()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a"), "MYNUM \\d+\n");
            File.WriteAllText(Path.Combine(dir.FullName, "b"), "MYNUM [0-9a-f]+\nINT \\d\n");
            var library = GrokLibrary.Default.WithPatternsFrom(dir.FullName, out var errors);
            Assert.Empty(errors);
            Assert.Equal("[0-9a-f]+", library.GetDefinition("MYNUM"));
            Assert.Equal(@"\d", library.GetDefinition("INT"));
            Assert.NotEqual(@"\d", GrokLibrary.Default.GetDefinition("INT"));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Grok_debugger_reports_named_captures_last_non_empty_wins()
    {
        var t = Translate("%{WORD:a}(?: %{WORD:a})?(?: (?P<b>x?))");
        var m = GrokDebugger.Match(new Regex(t.Pattern, t.Options), t, "one two ");
        Assert.True(m.Success);
        Assert.Equal("two", m.Captures["a"]);
        Assert.False(m.Captures.ContainsKey("b"));
    }

    [Fact]
    public void Never_throws_on_hostile_input()
    {
        foreach (var pattern in new[] { "", "(", ")", "[", "\\", "%{", "%{}", "(?", "(?P<", "[[:", @"\p", @"\p{", @"\x{", @"\x{110000}", "a{99999999999}", new string('(', 600) })
        {
            var t = Translate(pattern);
            _ = new Regex(t.Pattern, t.Options);
        }
    }
}
