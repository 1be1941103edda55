using LogMetrics.Metrics;
using LogMetrics.Runtime.Tests.Support;
using Case = LogMetrics.Runtime.Tests.RuntimeCaseTests.Case;

namespace LogMetrics.Runtime.Tests;

/// <summary>Programs with json and logfmt patterns, run by the engine: typed fields, defined(), missing fields as
/// runtime errors, regex and grok on a field's value, and lines that do not decode.</summary>
public sealed class StructuredCaseTests
{
    public static TheoryData<Case> Cases() =>
    [
        new("json fields by path", "counter r by method, status\njson {\n  r[$request.method][$status]++\n}\n",
            ["{\"request\":{\"method\":\"GET\"},\"status\":200}", "{\"request\":{\"method\":\"POST\"},\"status\":\"500\"}", "{\"request\":{\"method\":\"GET\"},\"status\":200}"],
            [("r{GET,200}", "2"), ("r{POST,500}", "1")]),
        new("a field next to an Int is an Int", "counter errors\ncounter ok\njson {\n  $status >= 500 {\n    errors++\n  } else {\n    ok++\n  }\n}\n",
            ["{\"status\":503}", "{\"status\":\"502\"}", "{\"status\":200}", "{\"status\":99}", "{\"status\":\"abc\"}", "{\"status\":2.5}"],
            [("errors", "2"), ("ok", "2")], Errors: 2),
        new("a field next to a Float is a Float", "counter slow\njson {\n  $duration > 0.5 {\n    slow++\n  }\n}\n",
            ["{\"duration\":0.75}", "{\"duration\":1}", "{\"duration\":\"0.9\"}", "{\"duration\":0.1}"], [("slow", "3")]),
        new("Int counter: a fraction is a runtime error", "counter bytes\njson {\n  bytes += $size\n}\n",
            ["{\"size\":100}", "{\"size\":\"20\"}", "{\"size\":1.5}", "{\"size\":true}"], [("bytes", "120")], Errors: 2),
        new("float() takes Int and Float numbers", "gauge g\ncounter total\njson {\n  g = float($v)\n  total += int($n)\n}\n",
            ["{\"v\":1,\"n\":2}", "{\"v\":0.5,\"n\":3}"], [("g", "0.5"), ("total", "5")]),
        new("histogram observes a field", "histogram h buckets 0.1, 1\njson {\n  h = $d\n}\n",
            ["{\"d\":0.05}", "{\"d\":\"0.5\"}"], [("h", "histogram")]),
        new("a boolean field as a condition", "counter hit\ncounter miss\njson {\n  $cached {\n    hit++\n  } else {\n    miss++\n  }\n}\n",
            ["{\"cached\":true}", "{\"cached\":false}", "{\"cached\":\"yes\"}", "{\"cached\":true}"], [("hit", "2"), ("miss", "1")], Errors: 1),
        new("a missing field is a runtime error", "counter c by m\ncounter seen\njson {\n  seen++\n  c[$method]++\n}\n",
            ["{\"method\":\"GET\"}", "{\"other\":1}", "{\"method\":null}"], [("c{GET}", "1"), ("seen", "3")], Errors: 2),
        new("defined() tells a missing or null field", "counter with\ncounter without\njson {\n  defined($user.name) {\n    with++\n  } else {\n    without++\n  }\n}\n",
            ["{\"user\":{\"name\":\"a\"}}", "{\"user\":{}}", "{\"user\":null}", "{\"user\":{\"name\":null}}", "{}"], [("with", "1"), ("without", "4")]),
        new("array index and quoted keys", "counter c by a, b\njson {\n  c[$items[1].id][$headers[\"user-agent\"]]++\n}\n",
            ["{\"items\":[{\"id\":\"x\"},{\"id\":\"y\"}],\"headers\":{\"user-agent\":\"curl\"}}"], [("c{y,curl}", "1")]),
        new("root key that is no name", "counter c by t\njson {\n  c[$[\"@level\"]]++\n}\n",
            ["{\"@level\":\"warn\"}"], [("c{warn}", "1")]),
        new("an object field reads as its JSON text", "counter c by v\njson {\n  c[$o]++\n}\n",
            ["{\"o\":{\"a\": [1]}}"], [("c{{\"a\": [1]}}", "1")]),
        new("regex on a field's value", "counter logins by user\njson {\n  $msg =~ /^user (?P<user>\\w+) logged in$/ {\n    logins[$user]++\n  }\n}\n",
            ["{\"msg\":\"user bob logged in\"}", "{\"msg\":\"user ann logged in\"}", "{\"msg\":\"other\"}", "{\"msg\":\"user bob logged in\"}"],
            [("logins{bob}", "2"), ("logins{ann}", "1")]),
        new("grok on a field's value", "counter c by verb, code\njson {\n  $line =~ /%{WORD:verb} %{NUMBER:code:int}/ {\n    c[$verb][$code]++\n  }\n}\n",
            ["{\"line\":\"GET 200\"}"], [("c{GET,200}", "1")]),
        new("fields of an outer json in an inner regex block", "counter c by l, u\njson {\n  $msg =~ /user (\\w+)/ {\n    c[$level][$1]++\n  }\n}\n",
            ["{\"level\":\"info\",\"msg\":\"user bob\"}"], [("c{info,bob}", "1")]),
        new("json inside a field", "counter c by inner\njson {\n  $log =~ json {\n    c[$level]++\n  }\n}\n",
            ["{\"log\":\"{\\\"level\\\":\\\"warn\\\"}\"}", "{\"log\":\"plain\"}"], [("c{warn}", "1")]),
        new("json inside a regex capture", "counter c by l\n/^\\S+ (?P<rest>\\{.*)$/ {\n  $rest =~ json {\n    c[$level]++\n  }\n}\n",
            ["2024-01-01T00:00:00Z {\"level\":\"error\"}"], [("c{error}", "1")]),
        new("lines that do not decode do not match", "counter json_lines\ncounter other\njson {\n  json_lines++\n}\notherwise {\n  other++\n}\n",
            ["{\"a\":1}", "plain text", "{\"a\":1", "{\"a\":1,}", "[1]", "{}"], [("json_lines", "2"), ("other", "4")]),
        new("!json", "counter not_json\n!json {\n  not_json++\n}\n", ["{}", "x"], [("not_json", "1")]),
        new("duplicate keys: last wins", "counter c by s\njson {\n  c[$s]++\n}\n", ["{\"s\":\"a\",\"s\":\"b\"}"], [("c{b}", "1")]),
        new("logfmt", "counter c by level\ncounter dbg\ngauge d\nlogfmt {\n  c[$level]++\n  d = float($dur)\n  defined($debug) && $debug {\n    dbg++\n  }\n}\n",
            ["level=info dur=0.5 debug", "level=error msg=\"x y\" dur=1", "just words", "level=\"unterminated"],
            [("c{info}", "1"), ("c{error}", "1"), ("dbg", "1"), ("d", "1")]),
        new("logfmt dotted keys and regex on msg", "counter c by m, u\nlogfmt {\n  $msg =~ /user=(?P<u>\\w+)/ {\n    c[$http.method][$u]++\n  }\n}\n",
            ["http.method=GET msg=\"user=bob done\""], [("c{GET,bob}", "1")]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void RunsCase(Case c) => new RuntimeCaseTests().RunsCase(c);

    [Fact]
    public void LinesThatDoNotDecodeAreCountedPerProgram()
    {
        using var harness = new EngineHarness("j.rules", "counter c\njson {\n  c++\n}\n", new EngineOptions { SelfMetrics = true });
        Assert.True(harness.Load.Loaded);
        harness.Feed("test.log", ["{}", "no", "{\"a\":", "{\"a\":1}"]);
        var status = Assert.Single(harness.Engine.Programs);
        Assert.Equal(2, status.LinesUndecoded);
        var undecoded = harness.Store.Snapshot().Single(f => f.Descriptor.Name == "logmetrics_program_lines_undecoded_total");
        Assert.Equal(2, Assert.Single(undecoded.SnapshotSeries()).IntValue);
    }

    [Fact]
    public void ARegexProgramHasNoUndecodedSeries()
    {
        using var harness = new EngineHarness("r.rules", "counter c\n/x/ {\n  c++\n}\n", new EngineOptions { SelfMetrics = true });
        harness.Feed("test.log", ["x", "y"]);
        var undecoded = harness.Store.Snapshot().Single(f => f.Descriptor.Name == "logmetrics_program_lines_undecoded_total");
        Assert.Empty(undecoded.SnapshotSeries());
    }

    [Fact]
    public void BadLinesNeverStopTheProgram()
    {
        var lines = new List<string>
        {
            "{\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}",
            "{\"msg\":\"" + new string('x', 10 << 20) + "\",\"level\":\"big\"}",
            "{\"level\":\"x\uFFFDy\"}",
            "{\"level\":\"\\ud800\"}",
            "{\"level\":" ,
            "{\"level\":\"ok\"}",
        };
        using var harness = new EngineHarness("j.rules", "counter c by level\njson {\n  c[$level]++\n}\n");
        harness.Feed("test.log", lines);
        Assert.Equal("1", harness.Value("c", "big"));
        Assert.Equal("1", harness.Value("c", "x\uFFFDy"));
        Assert.Equal("1", harness.Value("c", "\uFFFD"));
        Assert.Equal("1", harness.Value("c", "ok"));
        Assert.Empty(harness.Errors);
        Assert.Equal(2, Assert.Single(harness.Engine.Programs).LinesUndecoded);
    }
}
