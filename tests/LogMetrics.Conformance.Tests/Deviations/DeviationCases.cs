namespace LogMetrics.Conformance.Tests.Deviations;

/// <summary>The deliberate deviations from mtail, kept out of the differential programs; a completeness test checks
/// that every program and log here is in the table.</summary>
internal static class DeviationCases
{
    public static readonly IReadOnlyList<DeviationCase> All =
    [
        new("strptime_failures",
            """
            seen{prog="strptime_failures.mtail",step="before"} 5
            seen{prog="strptime_failures.mtail",step="after"} 1
            """,
            // mtail (shared/research/mtail.md 1.8) memoises the failed, zero time of "not-a-date": the 2nd and 3rd
            // lines are no error and run on with the wall-clock time, so mtail counts after=3. That silently hides
            // bad timestamps; LogMetrics reports every failure.
            "mtail memoises a failed strptime, so a repeated bad value is not an error again (after=3)"),
        new("strptime_int_capture",
            """
            parsed{input="19991231235959",prog="strptime_int_capture.mtail"} 946684799
            parsed{input="20000101000000",prog="strptime_int_capture.mtail"} 946684800
            """,
            // In mtail the Int-typed capture is converted to Int and strptime receives "": every line is a runtime
            // error and nothing is exported. A user who writes strptime($t, "20060102150405") means the digits.
            "mtail passes \"\" to strptime for an Int-typed capture: a runtime error on every line, no series"),
        new("limit_at_insert",
            """
            limited{k="a",prog="limit_at_insert.mtail"} 1
            limited{k="d",prog="limit_at_insert.mtail"} 1
            """,
            // limit 2 over a, b, c, d, a: each new label set beyond 2 evicts the least recently updated series
            // (c evicts a, d evicts b, a evicts c). mtail applies `limit` only in its hourly store GC, so a one-shot
            // run exports a=2, b, c and d; the issue asks for the limit to hold at all times.
            "mtail enforces `limit` only in its hourly GC, so it exports all four label sets (a=2, b, c, d)"),
        new("dynamic_regex",
            """
            matched{a="abc",b="b",prog="dynamic_regex.mtail"} 1
            matched{a="abc",b="^a.c$",prog="dynamic_regex.mtail"} 1
            matched{a="x+y",b="x\\+y",prog="dynamic_regex.mtail"} 1
            not_matched{a="abc",b="^b",prog="dynamic_regex.mtail"} 1
            not_matched{a="abc",b="B",prog="dynamic_regex.mtail"} 1
            not_matched{a="abc",b="\\d",prog="dynamic_regex.mtail"} 1
            lowered{a="abc",prog="dynamic_regex.mtail"} 3
            lowered{a="x+y",prog="dynamic_regex.mtail"} 1
            lines{a="abc",prog="dynamic_regex.mtail"} 5
            lines{a="x+y",prog="dynamic_regex.mtail"} 1
            """,
            // The right-hand strings are compiled as RE2 regexes per line: "abc (" is an invalid regex, a runtime
            // error that skips the rest of that line (so lines{abc} is 5 of 6). mtail compiles a capture or call on
            // the right of =~ to an empty regex that always matches (a known bug): every line counts as matched.
            "mtail's `$a =~ $b` always matches (empty regex), so it counts every line as matched and none as not_matched"),
    ];

    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    public static DeviationCase Get(string name) => All.Single(c => c.Name == name);
}
