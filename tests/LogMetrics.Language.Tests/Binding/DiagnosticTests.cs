using System.Reflection;
using LogMetrics.Language.Diagnostics;
using LogMetrics.Language.Patterns;
using LogMetrics.Language.Syntax;
using LogMetrics.Language.Tests.Support;

namespace LogMetrics.Language.Tests.Binding;

/// <summary>One annotated program per diagnostic message; [|...|] marks where it must be reported.</summary>
public sealed class DiagnosticTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "LM1001", "counter x\nx = [|)|]\n" },
        { "LM1002", "counter x\nx = [|\"abc|]\n" },
        { "LM1003", "counter x\n/a/ {\n  x++\n[|;|]\n}\n" },
        { "LM1004", "counter x\nx = [|99999999999999999999|]\n" },
        { "LM1005", "counter x by a\n/(.)/ {\n  del x[$1] after [|9999999999999999h|]\n}\n" },
        { "LM1006", "counter x [|bogus|] \"z\"\nx++\n" },
        { "LM1007", "gauge g\ng = " + new string('(', 200) + "[|(|]1" + new string(')', 201) + "\n" },
        { "LM1008", "gauge g\ng = " + string.Concat(Enumerable.Repeat("1 +\n ", 1999)) + "1 [|+|] 1\n" },
        { "LM2001", "[|y|]++\n" },
        { "LM2002", "counter x\ncounter [|x|]\nx++\n" },
        { "LM2003", "counter c by s\n/(?P<method>\\w+) (?P<status>\\d+)/ {\n  c[[|$stauts|]]++\n}\n" },
        { "LM2004", "counter c by a, b\n/(.)/ {\n  [|c[$1]|]++\n}\n" },
        { "LM2005", "counter c by a\n/(.)/ {\n  [|c[$1][$1]|]++\n}\n" },
        { "LM2006", "counter c\ndel [|c|]\n" },
        { "LM2007", "[|next|]\n" },
        { "LM2008", "def [|d|] {\n  /x/ {\n  }\n}\n@d {\n}\n" },
        { "LM2009", "counter c\n[|@d|] {\n  c++\n}\ndef d {\n  next\n}\n" },
        { "LM2010", "counter c\n[|@nope|] {\n  c++\n}\n" },
        { "LM2011", "histogram h [|buckets 1|]\nh = 1\n" },
        { "LM2012", "histogram h [|buckets 1, 1|]\nh = 1\n" },
        { "LM2013", "counter c [|buckets 1, 2|]\nc++\n" },
        { "LM2014", "counter c by [|prog|]\n/(.)/ {\n  c[$1]++\n}\n" },
        { "LM2015", "gauge g\ng = 1 / [|0|]\n" },
        { "LM2016", "text t\n[|t++|]\n" },
        { "LM2017", "/(\\d+)/ {\n  [|$1|] = 2\n}\n" },
        { "LM2018", "/(.*)/ {\n  strptime($1, [|$1|])\n}\n" },
        { "LM2020", "counter [|unused|]\n" },
        { "LM2021", "const [|P|] /x/\n" },
        { "LM2022", "def [|d|] {\n  next\n}\n" },
        { "LM2023", "gauge g\n/(\\w+)/ {\n  g = [|$1 - 1|]\n}\n" },
        { "LM2024", "counter c\n[|nosuch|]()\nc++\n" },
        { "LM2025", "gauge g\ng = [|len(\"a\", \"b\")|]\n" },
        { "LM2026", "text t\nt = tolower([|1|])\n" },
        { "LM2027", "gauge g\n/(.)/ {\n  $1 =~ [|g|] {\n  }\n}\n" },
        { "LM2028", "counter c by a init [|[\"1\", \"2\"]|]\n/(.)/ {\n  c[$1]++\n}\n" },
        { "LM2029", "counter c\nc = [|c = 1|]\n" },
        { "LM2030", "[|\"s\"|] {\n}\n" },
        { "LM2031", "[|defined(1)|] {\n}\n" },
        { "LM2032", "gauge g\ng = [|int(1 == 1)|]\n" },
        { "LM2033", "gauge g\ng = [|-\"s\"|]\n" },
        { "LM2034", "histogram h buckets 1, 2\ngauge g\ng = [|h|]\nh = 1\n" },
        { "LM2035", "histogram h buckets 1, 2\nh = [|\"s\"|]\n" },
        { "LM2037", "gauge g\n/(\\d+) (\\d+\\.\\d+)/ {\n  g = $1\n  g = [|$2|]\n}\n" },
        { "LM2039", "counter c [|quantiles 0.5|]\nc++\n" },
        { "LM2040", "summary s [|quantiles 0.9, 0.5|]\ns = 1\n" },
        { "LM2041", "summary s quantiles 0.5, 0.9 [|errors 0.05|]\ns = 1\n" },
        { "LM2042", "summary s [|max_age 10ms|]\ns = 1\n" },
        { "LM1006", "summary s [|window|] 10m\ns = 1\n" },
        { "LM2043", "text t\n/(.*)/ {\n  t = gsub($1, [|$1|], \"x\")\n}\n" },
        { "LM2044", "counter c by a\n/(.)/ {\n  c[[|*|]]++\n}\n" },
        { "LM2044", "counter c by a, b\n/(.)/ {\n  c[$1][$1]++\n  del c[$1][[|*|]] after 1h\n}\n" },
        { "LM2038", "counter c\n/(\\S+) (\\S+)/ {\n  $1 =~ [|$2|] {\n    c++\n  }\n}\n" },
        { "LM2050", "counter c\n/(?P<method>[A-Z]+)/ {\n  c = [|$method|]\n}\n" },
        { "LM2051", "counter c by m\n/(?P<m>[A-Z]+) (?P<n>\\d+|-)/ {\n  c[$m] += [|$n|]\n}\n" },
        { "LM2052", "counter c\n/(?P<n>\\d+|-)/ {\n  c++\n  c += [|$n|]\n}\n" },
        { "LM2070", "def x {\n  [|@x|] {\n  }\n  next\n}\n@x {\n}\n" },
        { "LM2073", "counter c\n\"a\" =~ [|1.5|] {\n  c++\n}\n" },
        { "LM2074", "[|1.5|] & 1 {\n}\n" },
        { "LM2075", "/(\\S+)/ {\n  strptime($1, [|\"%Y-%m-%d\"|])\n}\n" },
        { "LM2076", "counter c\n[|/(?P<a>.)/|]\n" },
        { "LM2078", "histogram h [|buckets 0.5, 1|]\nh = 1\n" },
        { "LM2077", "counter c\n/(a)/ && $1 =~ [|/(b)/|] {\n  c++\n}\n" },
        { "LM3040", "counter c\n[|/" + new string('c', 1025) + "/|] {\n  c++\n}\n" },
        { "LM2060", "counter c by m\n/(?P<request>\\S+)/ {\n  c[[|$request.method|]]++\n}\n" },
        { "LM2061", "counter c by m\nlogfmt {\n  c[$items[|[0]|]]++\n}\n" },
        { "LM2063", "counter c by m\n/x/ {\n  c[[|$request.method|]]++\n}\n" },
        { "LM2062", "counter c by m\njson {\n  c[$items[|[99999999999]|]]++\n}\n" },
        // mtail's check: the layout must parse itself; here "2" is a day and "017" a month.
        { "LM2019", "/(.*)/ {\n  strptime($1, [|\"2017-10-16 06:50:25\"|])\n}\n" },
        { "LM2036", "counter c [|limit 99999999999|]\nc++\n" },
        { "LM2071", DecoratorsDoubling(20) },
        { "LM2072", DecoratorChain(300) },
    };

    /// <summary>Programs that use grok names defined in a pattern file (logstash format, given first).</summary>
    public static TheoryData<string, string, string> GrokCases() => new()
    {
        { "LM3016", "LOOPA x%{LOOPB}\nLOOPB y%{LOOPA}\n", "counter c\n/a [|%{LOOPA}|]/ {\n  c++\n}\n" },
        // 120 names each referring to the next: loading validates each and keeps the expansions of the 70 last, so
        // %{DEEP0} still goes 50 references deep before it meets a kept one.
        { "LM3017", string.Concat(Enumerable.Range(0, 120).Select(i => $"DEEP{i} %{{DEEP{i + 1}}}\n")) + "DEEP120 x\n", "counter c\n/[|%{DEEP0}|]/ {\n  c++\n}\n" },
        { "LM3018", "BAD [a\n", "counter c by b\n/x [|%{BAD:b}|]/ {\n  c[$b]++\n}\n" },
    };

    /// <summary>The formatter's guard: a writer that changes a token (here `1` into `2`) is refused at that token.</summary>
    public static TheoryData<string, string, string> FormatterCases() => new()
    {
        { "LM1009", "counter c\nc = [|1|]\n", "counter c\nc = 2\n" },
    };

    /// <summary>Decorators d1..dN, each using the one before twice: inlining them all takes 2^N copies. The cut-off is
    /// reported at the use that goes over the limit, which is d1's second use of d0 (marked).</summary>
    private static string DecoratorsDoubling(int levels)
    {
        var text = new System.Text.StringBuilder("counter c\ndef d0 {\n  next\n}\n");
        for (var i = 1; i <= levels; i++)
        {
            var second = i == 1 ? "[|@d0|]" : $"@d{i - 1}";
            text.Append($"def d{i} {{\n  @d{i - 1} {{\n  }}\n  {second} {{\n    next\n  }}\n}}\n");
        }

        return text.Append($"@d{levels} {{\n  c++\n}}\n").ToString();
    }

    /// <summary>Decorators d1..dN, each wrapping the one before in 8 blocks: inlined, the last nests 9N blocks deep. The
    /// depth limit is reached in the body given to @d249 inside d250 (marked).</summary>
    private static string DecoratorChain(int length)
    {
        var text = new System.Text.StringBuilder("counter c\ndef d0 {\n  next\n}\n");
        for (var i = 1; i <= length; i++)
        {
            var body = i == 250 ? "[|{\n  next\n}|]" : "{\n  next\n}";
            text.Append($"def d{i} {{\n").Append(string.Concat(Enumerable.Repeat("/x/ {\n", 8)))
                .Append($"@d{i - 1} {body}\n").Append(string.Concat(Enumerable.Repeat("}\n", 8))).Append("}\n");
        }

        return text.Append($"@d{length} {{\n  c++\n}}\n").ToString();
    }

    [Fact]
    public void DecoratorsThatMultiplyAreCutOffWithADiagnostic()
    {
        var compilation = Compiler.Compile("t.rules", AnnotatedText.Parse(DecoratorsDoubling(20)).Text, new CompilerOptions());
        Assert.Contains(compilation.Diagnostics, d => d.Code == "LM2071");
        Assert.False(compilation.Success);
    }

    [Fact]
    public void DecoratorsNestedBeyondTheDepthLimitGiveADiagnosticNotAStackOverflow()
    {
        var compilation = Compiler.Compile("t.rules", AnnotatedText.Parse(DecoratorChain(300)).Text, new CompilerOptions());
        Assert.Contains(compilation.Diagnostics, d => d.Code == "LM2072");
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == "LM2071");
        Assert.False(compilation.Success);
    }

    [Fact]
    public void NestedDefinitionOfTheSameNameShadowsAsInMtail()
    {
        // mtail's codegen_test "nested decorators": this overflowed the stack (exit 134) before.
        var compilation = Compiler.Compile("t.rules", "def b {\n  def b {\n    next\n  }\n  @b {\n    next\n  }\n}\n@b {\n}\n", new CompilerOptions());
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsDiagnosticAtSpan(string code, string annotated)
    {
        var expected = AnnotatedText.Parse(annotated);
        var compilation = Compiler.Compile("test.rules", expected.Text, new CompilerOptions());
        AssertReportedAt(code, expected, compilation.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(GrokCases))]
    public void ReportsGrokLibraryDiagnosticAtSpan(string code, string patterns, string annotated)
    {
        var expected = AnnotatedText.Parse(annotated);
        var library = GrokLibrary.Default.WithPatterns(patterns, "test.patterns", out _);
        var compilation = Compiler.Compile("test.rules", expected.Text, new CompilerOptions { Grok = library });
        AssertReportedAt(code, expected, compilation.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(FormatterCases))]
    public void FormatterRefusesOutputWithOtherTokens(string code, string annotated, string written)
    {
        var expected = AnnotatedText.Parse(annotated);
        var result = ProgramFormatter.Format("test.rules", expected.Text, _ => written);
        Assert.Null(result.Text);
        AssertReportedAt(code, expected, result.Diagnostics);
    }

    /// <summary>The code is reported exactly at the marked span: same line, column and length (never 0, never more).</summary>
    private static void AssertReportedAt(string code, AnnotatedText expected, IReadOnlyList<Diagnostic> diagnostics)
    {
        Assert.True(expected.Span.Length > 0, "the annotation marks no text");
        Assert.True(diagnostics.Any(d => d.Code == code && d.Span == expected.Span),
            $"expected {code} at {expected.Span} [{expected.Span.Length}]; got:\n" + string.Join("\n", diagnostics.Select(d => $"{d} [{d.Span.Length}]")));
    }

    [Fact]
    public void UnknownCaptureHintListsCapturesInScope()
    {
        var compilation = Compiler.Compile("t.rules", "counter c by s\n/(?P<method>\\w+) (?P<path>\\S+) (?P<status>\\d+)/ {\n  c[$stauts]++\n}\n", new CompilerOptions());
        var diagnostic = Assert.Single(compilation.Diagnostics, d => d.Code == "LM2003");
        Assert.Equal("unknown capture 'stauts'", diagnostic.Message);
        Assert.Equal("captures in scope: method, path, status, $1, $2, $3", diagnostic.Hint);
    }

    [Fact]
    public void UnusedDeclarationIsOnlyAWarning()
    {
        var compilation = Compiler.Compile("t.rules", "counter unused\n", new CompilerOptions());
        Assert.True(compilation.Success);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(compilation.Diagnostics).Severity);
    }

    /// <summary>Every code in DiagnosticMessages and PatternMessages has a row above (or, for a pattern, in
    /// RegexTranslatorTests.Errors) whose test checks it is reported at the marked span. No code is exempt.</summary>
    [Fact]
    public void EveryDiagnosticCodeIsProducedByATest()
    {
        var tested = Cases().Select(row => (string)row[0])
            .Concat(GrokCases().Select(row => (string)row[0]))
            .Concat(FormatterCases().Select(row => (string)row[0]))
            .Concat(Patterns.RegexTranslatorTests.Errors.Select(row => (string)row[1]))
            .ToHashSet(StringComparer.Ordinal);
        var declared = DeclaredCodes().ToList();
        Assert.Empty(declared.Where(c => !tested.Contains(c.Code)).Select(c => $"{c.Method} ({c.Code})"));
        var unknown = tested.Except(declared.Select(c => c.Code)).ToList();
        Assert.True(unknown.Count == 0, "rows for codes no message has: " + string.Join(", ", unknown));
    }

    /// <summary>Each message method called with placeholder arguments, to read its code.</summary>
    private static IEnumerable<(string Method, string Code)> DeclaredCodes()
    {
        var methods = typeof(DiagnosticMessages).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Diagnostic) && m.Name != nameof(DiagnosticMessages.Pattern))
            .Concat(typeof(PatternMessages).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(PatternError)));
        foreach (var method in methods)
        {
            var args = method.GetParameters().Select(p => p.ParameterType switch
            {
                var t when t == typeof(SourceSpan) => (object)new SourceSpan("f", 1, 1, 1),
                var t when t == typeof(string) => "x",
                var t when t == typeof(int) => 1,
                var t when t == typeof(IReadOnlyList<string>) => Array.Empty<string>(),
                var t when t == typeof(PatternError) => new PatternError("LM3000", 0, 1, "x"),
                var t when t.IsValueType => Activator.CreateInstance(t),
                var t => throw new InvalidOperationException($"{method.Name}: no placeholder for {t}"),
            }).ToArray();
            var code = method.Invoke(null, args) switch
            {
                Diagnostic d => d.Code,
                PatternError e => e.Code,
                var other => throw new InvalidOperationException($"{method.Name} returned {other}"),
            };
            yield return (method.Name, code);
        }
    }

    [Theory]
    [InlineData("LM2014", "counter c by prog\n/(.)/ {\n  c[$1]++\n}\n")]
    [InlineData("LM2037", "counter c\n/(\\d+\\.\\d+)/ {\n  c++\n  c += $1\n}\n")]
    [InlineData("LM2038", "counter c\n/(\\S+) (\\S+)/ {\n  $1 !~ tolower($2) {\n    c++\n  }\n}\n")]
    [InlineData("LM2051", "counter c by m\n/(?P<m>[A-Z]+) (?P<n>\\d+|-)/ {\n  c[$m] += $n\n}\n")]
    [InlineData("LM2051", "gauge g\n/(?P<m>[A-Z]+)/ {\n  g = $m\n}\n")]
    [InlineData("LM2051", "timer t by m\n/(?P<m>[A-Z]+)/ {\n  t[$m] = $m\n}\n")]
    [InlineData("LM2052", "gauge g\n/(?P<n>\\d+|-)/ {\n  g = 1\n  g = $n\n}\n")]
    public void WarningsStillCompile(string code, string program)
    {
        var compilation = Compiler.Compile("t.rules", program, new CompilerOptions());
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Theory]
    [InlineData("counter c\n/(?P<method>[A-Z]+)/ {\n  c = $method\n}\n", "int($method)")]
    [InlineData("counter c\n/(?P<n>\\d+|-)/ {\n  c += $n\n}\n", "int($n)")]
    [InlineData("counter c\n/(\\w+)/ {\n  c = $1\n}\n", "int($1)")]
    public void A_String_stored_in_a_counter_without_keys_is_an_error_as_in_mtail(string program, string hint)
    {
        // mtail --compile_only: "Can't initialize to zero" a counter whose first assignment is a String.
        var compilation = Compiler.Compile("t.rules", program, new CompilerOptions());
        Assert.False(compilation.Success);
        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal("LM2050", diagnostic.Code);
        Assert.Contains(hint, diagnostic.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("counter c by m\n/(?P<m>[A-Z]+) (?P<bytes>\\d+|-)/ {\n  c[$m] += int($bytes)\n}\n")]
    [InlineData("gauge g\n/(?P<n>\\d+)/ {\n  g = $n\n}\n")]
    [InlineData("hidden gauge last\ncounter c by user\n/(?P<user>\\w+)/ {\n  last = $user\n  c[last]++\n}\n")]
    [InlineData("text t\n/(?P<m>[A-Z]+)/ {\n  t = $m\n}\n")]
    public void A_number_or_an_intended_String_stores_without_a_warning(string program)
    {
        var compilation = Compiler.Compile("t.rules", program, new CompilerOptions());
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        Assert.Empty(compilation.Diagnostics);
    }

    [Fact]
    public void The_String_warning_hints_at_the_conversion_of_the_capture()
    {
        var compilation = Compiler.Compile("t.rules", "counter c by m\n/(?P<m>[A-Z]+) (?P<body_bytes_sent>\\d+|-)/ {\n  c[$m] += $body_bytes_sent\n}\n", new CompilerOptions());
        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal("LM2051", diagnostic.Code);
        Assert.Contains("counter 'c'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("exported as 0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("int($body_bytes_sent)", diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricReceivesTheTypeOfItsFirstAssignment()
    {
        // As mtail's checker: the first assignment fixes the type; a later Float neither widens an Int metric nor errs.
        var compilation = Compiler.Compile("t.rules",
            "gauge i\ngauge f\ngauge s\ngauge n\n/(\\d+) (\\d+\\.\\d+) (\\S+)/ {\n  i = $1\n  i = $2\n  f = $2\n  f = $1\n  s = $3\n  s = $1\n  n++\n}\n",
            new CompilerOptions());
        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        var types = compilation.Program!.Metrics.ToDictionary(m => m.Name, m => m.ValueType.ToString());
        Assert.Equal("Int", types["i"]);
        Assert.Equal("Float", types["f"]);
        Assert.Equal("String", types["s"]);
        Assert.Equal("Int", types["n"]);
    }

    [Fact]
    public void RegexErrorPointsInsideThePattern()
    {
        // The pattern starts at column 2 (after the slash); `\/` counts as two columns.
        var compilation = Compiler.Compile("t.rules", "counter c\n/a\\/b(/ {\n  c++\n}\n", new CompilerOptions());
        var diagnostic = Assert.Single(compilation.Diagnostics, d => d.Code.StartsWith("LM3", StringComparison.Ordinal));
        Assert.Equal(2, diagnostic.Span.Line);
        Assert.InRange(diagnostic.Span.Column, 2, 7);
    }
}
