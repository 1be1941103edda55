using LogMetrics.Conformance.Tests.Support;

namespace LogMetrics.Conformance.Tests.Differential;

/// <summary>
/// A String stored into a numeric metric: LogMetrics accepts and rejects exactly what `mtail --compile_only` does,
/// and says what it found (LM2050 where mtail rejects, a warning where mtail silently exports 0 or parses).
/// </summary>
public sealed class StringStoreVerdictTests
{
    public static TheoryData<string, string, bool, string> Cases() => new()
    {
        // name, program, mtail accepts, the LogMetrics code on stderr (its hint names the value: int($x), int("abc"))
        { "assign_to_counter", "counter c\n/(?P<method>[A-Z]+)/ {\n  c = $method\n}\n", false, "LM2050" },
        { "add_to_counter", "counter c\n/(?P<n>\\d+|-)/ {\n  c += $n\n}\n", false, "LM2050" },
        { "literal_to_counter", "counter c\n/x/ {\n  c = \"abc\"\n}\n", false, "LM2050" },
        { "add_to_counter_by_key", "counter c by m\n/(?P<m>[A-Z]+) (?P<n>\\d+|-)/ {\n  c[$m] += $n\n}\n", true, "LM2051" },
        { "assign_to_gauge", "gauge g\n/(?P<m>[A-Z]+)/ {\n  g = $m\n}\n", true, "LM2051" },
        { "assign_to_timer", "timer t\n/(?P<m>[A-Z]+)/ {\n  t = $m\n}\n", true, "LM2051" },
        { "add_to_int_counter", "counter c\n/(?P<n>\\d+|-)/ {\n  c = 1\n  c += $n\n}\n", true, "LM2052" },
    };

    [RequiresMtailTheory]
    [MemberData(nameof(Cases))]
    public async Task LogMetrics_check_agrees_with_mtail(string name, string program, bool mtailAccepts, string code)
    {
        var dir = Directory.CreateTempSubdirectory("lm-string-store-");
        try
        {
            var path = Path.Combine(dir.FullName, name + ".mtail");
            await File.WriteAllTextAsync(path, program);

            var mtail = await Mtail.CompileOnlyAsync(path);
            Assert.True(mtailAccepts == (mtail.ExitCode == 0), $"mtail's verdict changed:\n{mtail}");

            var check = await LogMetricsTool.CheckAsync([path]);
            Assert.True(mtailAccepts == (check.ExitCode == 0), check.ToString());
            Assert.Contains(code, check.Stderr, StringComparison.Ordinal);
            Assert.Contains("hint: ", check.Stderr, StringComparison.Ordinal);
            Assert.Matches(@"int\((\$\w+|""abc"")\)", check.Stderr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
