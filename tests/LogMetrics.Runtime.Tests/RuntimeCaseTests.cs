using LogMetrics.Runtime.Tests.Support;

namespace LogMetrics.Runtime.Tests;

/// <summary>mtail's runtime integration cases (runtime_integration_test.go) and our own, as tables:
/// program, log lines, expected values ("name" or "name{v1,v2}" = value) and the runtime-error count.</summary>
public sealed class RuntimeCaseTests
{
    public sealed record Case(string Name, string Program, string[] Lines, (string Series, string Value)[] Expected, int Errors = 0)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases() =>
    [
        new("single-dash-parseint", "counter c by x\n/(\\d+|-)/ {\n  $1 == \"-\" {\n    c[\"dash\"]++\n  } else {\n    c[$1]++\n  }\n}\n",
            ["1", "-", "1"], [("c{dash}", "1"), ("c{1}", "2")]),
        new("parse a hyphen", "counter total\n/^[a-z]+ ((?P<response_size>\\d+)|-)$/ {\n  total += $response_size\n}\n",
            ["test 99", "test -", "test 1"], [("total", "100")], Errors: 1),
        new("parse around a hyphen", "counter total\n/^[a-z]+ ((?P<response_size>\\d+)|-)$/ {\n  $1 != \"-\" {\n    total += $response_size\n  }\n}\n",
            ["test 99", "test -", "test 1"], [("total", "100")]),
        new("add_assign_float", "gauge metric\n/(\\d+\\.\\d+)/ {\n  metric += $1\n}\n",
            ["1.5", "2.25"], [("metric", "3.75")]),
        new("decorator", "counter a\ndef d {\n  /(?P<x>\\d+)/ {\n    next\n  }\n}\n@d {\n  $x > 1 {\n    a += $1\n  }\n}\n",
            ["1", "5", "x", "7"], [("a", "12")]),
        new("else", "counter yes\ncounter maybe\ncounter no\n/1/ {\n  /^1$/ {\n    yes++\n  } else {\n    maybe++\n  }\n} else {\n  no++\n}\n",
            ["1", "11", "2", "12", "3", "111"], [("yes", "1"), ("maybe", "3"), ("no", "2")]),
        new("otherwise", "counter yes\ncounter maybe\ncounter no\n/1/ {\n  /^1$/ {\n    yes++\n  }\n  otherwise {\n    maybe++\n  }\n}\notherwise {\n  no++\n}\n",
            ["1", "11", "2", "12", "3", "111"], [("yes", "1"), ("maybe", "3"), ("no", "2")]),
        new("types", "gauge should_be_int\ngauge should_be_float\ncounter neg\n/^(\\d+) (-?\\d+\\.\\d+)$/ {\n  should_be_int = $1\n  should_be_float = $2\n  $2 < 0 {\n    neg++\n  }\n}\n",
            ["37 -5.5", "12 3.5"], [("should_be_int", "12"), ("should_be_float", "3.5"), ("neg", "1")]),
        new("filename", "counter f by name\n// {\n  f[getfilename()]++\n}\n",
            ["a", "b"], [("f{test.log}", "2")]),
        new("logical operators", "counter both\ncounter either\n/(\\d+) (\\d+)/ {\n  $1 > 1 && $2 > 1 {\n    both++\n  }\n  $1 > 1 || $2 > 1 {\n    either++\n  }\n}\n",
            ["2 2", "2 0", "0 0"], [("both", "1"), ("either", "2")]),
        new("strcat", "counter f by s\n/(.*), (.*)/ {\n  f[$1 + $2]++\n}\n",
            ["a, b", "a, b"], [("f{ab}", "2")]),
        new("typed-comparison", "counter lt\ncounter ge\n/(\\d+\\.\\d+)/ {\n  $1 < 1 {\n    lt++\n  }\n  $1 >= 1.5 {\n    ge++\n  }\n}\n",
            ["0.5", "1.5", "2.0"], [("lt", "1"), ("ge", "2")]),
        new("match-expression", "counter a\ncounter b\n/(.*)/ {\n  $1 =~ /a/ {\n    a++\n  }\n  $1 !~ /a/ {\n    b++\n  }\n}\n",
            ["a", "b", "ba"], [("a", "2"), ("b", "1")]),
        new("metric-as-rvalue", "gauge last\ncounter bigger\n/(\\d+)/ {\n  $1 > last {\n    bigger++\n  }\n  last = $1 * 2\n}\n",
            ["1", "5", "3"], [("last", "6"), ("bigger", "2")]),
        // A key that reads another dimensioned metric needs its own label buffer while the outer key is built.
        new("metric read as a key", "hidden text user by id\ncounter c by name\n/^s (\\d+) (\\w+)$/ {\n  user[$1] = $2\n}\n/^e (\\d+)$/ {\n  c[user[$1]]++\n  del user[$1]\n}\n",
            ["s 1 ann", "s 2 bob", "e 1", "e 2", "s 1 cy", "e 1"], [("c{ann}", "1"), ("c{bob}", "1"), ("c{cy}", "1")]),
        // Go's strconv.ParseFloat fails with ErrRange on a finite number beyond a double: a runtime error, not +Inf.
        new("float out of range is a runtime error", "gauge g\ncounter seen\n/^f ([0-9.eE+-]+)$/ {\n  g = $1\n  seen++\n}\n/^s (\\S+)$/ {\n  g = float($1)\n  seen++\n}\n",
            ["f 2.5", "f 1e400", "s -1e999", "s Infinity"], [("g", "Infinity"), ("seen", "2")], Errors: 2),
        new("stringy", "text last\ncounter by_last by name\n/(\\w+)/ {\n  by_last[last]++\n  last = $1\n}\n",
            ["a", "b", "c"], [("last", "c"), ("by_last{}", "1"), ("by_last{a}", "1"), ("by_last{b}", "1")]),
        new("ip-addr", "text ip\n/(\\d+\\.\\d+\\.\\d+\\.\\d+)/ {\n  ip = $1\n}\n",
            ["1.2.3.4"], [("ip", "1.2.3.4")]),
        new("subst integer", "counter sent\n/sent (?P<sent>[\\d,]+)/ {\n  sent += int(subst(\",\", \"\", $sent))\n}\n",
            ["sent 1,000", "sent 234"], [("sent", "1234")]),
        new("regexp replace", "counter c by url\nhidden text u\n/GET (?P<url>\\S+)/ {\n  u = subst(/\\/\\d+/, \"/:num\", $url)\n  c[u]++\n}\n",
            ["GET /a/12/b/3", "GET /a/7/b/8"], [("c{/a/:num/b/:num}", "2")]),
        new("match a pattern in a binary expr", "counter c\nconst N /n/\nN {\n  c++\n}\nN && 1 {\n  c++\n}\n",
            ["n", "x"], [("c", "2")]),
        new("stop", "counter a\ncounter b\n/x/ {\n  stop\n}\na++\n",
            ["x", "y"], [("a", "1")]),
        new("runtime error skips rest of program", "counter first\ncounter second\n/(\\w+)/ {\n  first++\n  second += int($1)\n}\n",
            ["12", "abc"], [("first", "2"), ("second", "12")], Errors: 1),
        new("fail ends the program for the line with its own runtime error", "counter seen\ncounter kept\n/(-?\\d+)/ {\n  seen++\n  $1 < 0 {\n    fail(\"negative: \" + $1)\n  }\n  kept++\n}\n",
            ["5", "-3", "7"], [("seen", "3"), ("kept", "2")], Errors: 1),
        new("divide by zero at runtime", "gauge g\n/(\\d+) (\\d+)/ {\n  g = $1 / $2\n}\n",
            ["7 2", "1 0"], [("g", "3")], Errors: 1),
        new("del and del after", "gauge g by k\n/set (\\w+)/ {\n  g[$1] = 1\n}\n/del (\\w+)/ {\n  del g[$1]\n}\n/exp (\\w+)/ {\n  del g[$1] after 1h\n}\n",
            ["set a", "set b", "del a", "del zz", "exp b", "exp nope"], [("g{b}", "1")], Errors: 1),
        new("histogram observes", "histogram h buckets 1, 2, 4\n/(\\d+)/ {\n  h = $1\n}\n",
            ["1", "3"], [("h", "histogram")]),
        new("defined", "counter with\ncounter without\n/^a(?P<n>\\d+)?$/ {\n  defined($n) {\n    with++\n  } else {\n    without++\n  }\n}\n",
            ["a1", "a"], [("with", "1"), ("without", "1")]),
        // mtail finds (creates) the assigned series before computing the value: a failing value leaves a 0 series.
        new("series is created before a failing value", "gauge g by a\ncounter c by a\nhistogram h by a buckets 1, 2\ngauge s\ncounter i by a\n"
            + "/^g (\\d+) (\\d+)$/ {\n  g[$1] = $1 / $2\n}\n/^c (\\d+) (\\d+)$/ {\n  c[$1] += $1 / $2\n}\n"
            + "/^h (\\d+) (\\d+)$/ {\n  h[$1] = $1 / $2\n}\n/^s (\\d+) (\\d+)$/ {\n  s = $1 / $2\n}\n/^i (\\d+) (\\d+)$/ {\n  i[$1 / $2]++\n}\n",
            ["g 4 0", "c 5 0", "h 6 0", "s 7 0", "i 8 0"], [("g{4}", "0"), ("c{5}", "0"), ("h{6}", "histogram"), ("s", "0"), ("i{8}", null!)], Errors: 5),
        // The first assignment fixes a metric's type; storing the other numeric type is a runtime error (mtail's
        // "unexpected int type float64"), but a String is parsed.
        new("Float into an Int metric is a runtime error", "gauge g\ncounter seen\n/^i (\\d+)$/ {\n  g = $1\n}\n/^f (\\d+\\.\\d+)$/ {\n  g = $1\n  seen++\n}\n/^s (\\S+)$/ {\n  g = $1\n}\n",
            ["i 3", "f 2.5", "s 7", "s x"], [("g", "7"), ("seen", "0")], Errors: 2),
        new("Int into a Float metric is a runtime error", "gauge g\ncounter seen\n/^f (\\d+\\.\\d+)$/ {\n  g = $1\n  g += 2\n  seen++\n}\n",
            ["f 1.5"], [("g", "1.5"), ("seen", "0")], Errors: 1),
        new("++ first makes the metric Int", "counter c\n/^inc$/ {\n  c++\n}\n/^f (\\d+\\.\\d+)$/ {\n  c += $1\n}\n",
            ["inc", "f 1.5", "inc"], [("c", "2")], Errors: 1),
        new("string() of a number capture formats the number", "counter c by s\n/^(\\d+\\.\\d+) ([+-]?\\d+)$/ {\n  c[string($1)]++\n  c[string($2)]++\n}\n",
            ["1000000.5 +6", "0.50 007"], [("c{1.0000005e+06}", "1"), ("c{6}", "1"), ("c{0.5}", "1"), ("c{7}", "1")]),
        // LogMetrics only: mtail compiles a non-constant right-hand side of =~ to an empty regex that always matches.
        new("dynamic regex on the right of =~", "counter m by a, b\ncounter n\n/^(\\S+) (\\S+)$/ {\n  $1 =~ $2 {\n    m[$1, $2]++\n  }\n  n++\n}\n",
            ["abc ^a", "abc ^b", "abc (", "abc ^a", "abc c$"], [("m{abc,^a}", "2"), ("m{abc,^b}", null!), ("m{abc,c$}", "1"), ("n", "4")], Errors: 1),
        new("additions: not, unary minus, -=", "gauge g\n/(\\d+)/ {\n  !($1 > 5) {\n    g -= $1\n  }\n  $1 > 5 {\n    g = -g\n  }\n}\n",
            ["2", "3", "9"], [("g", "5")]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void RunsCase(Case c)
    {
        using var harness = new EngineHarness("case.mtail", c.Program);
        Assert.True(harness.Load.Loaded, string.Join("\n", harness.Load.Diagnostics));
        harness.Feed("test.log", c.Lines);
        foreach (var (series, value) in c.Expected)
        {
            var brace = series.IndexOf('{', StringComparison.Ordinal);
            var name = brace < 0 ? series : series[..brace];
            var labels = brace < 0 ? [] : series[(brace + 1)..^1].Split(',');
            Assert.True(value == harness.Value(name, labels), $"{series}: expected {value}, got {harness.Value(name, labels) ?? "(none)"}");
        }

        Assert.Equal(c.Errors, harness.Errors.Count);
    }
}
