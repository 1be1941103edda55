using LogMetrics.Conformance.Tests.Support;

namespace LogMetrics.Conformance.Tests.Differential;

/// <summary>mtail's shipped example programs (Debian's /usr/share/doc/mtail/examples) compile and agree with mtail.</summary>
public sealed class ExampleProgramTests
{
    public static TheoryData<string> Cases => ExampleCases.Ids;

    public static TheoryData<string> Programs => new(ExamplePrograms());

    [RequiresMtailTheory]
    [MemberData(nameof(Programs))]
    public async Task Example_passes_logmetrics_check(string program)
    {
        var result = await LogMetricsTool.CheckAsync([Path.Combine(RepositoryPaths.MtailExamples, program)]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [RequiresMtailTheory]
    [MemberData(nameof(Cases))]
    public async Task LogMetrics_exports_what_mtail_exports(string id)
    {
        var @case = ExampleCases.Get(id);
        var expected = await Mtail.RunOneShotAsync(@case.ProgramPath, [@case.LogPath], RunSettings.Default);
        Assert.True(expected.ExitCode == 0, $"mtail failed on {id}:\n{expected}");

        var actual = await LogMetricsTool.RunOneShotAsync(@case.ProgramPath, [@case.LogPath], RunSettings.Default);

        Assert.True(actual.ExitCode == 0, $"logmetrics failed on {id}:\n{actual}");
        var differences = ExpositionComparer.Compare(PrometheusExposition.Parse(expected.Stdout), PrometheusExposition.Parse(actual.Stdout));
        Assert.True(differences.Count == 0, $"{id}: {differences.Count} difference(s) from mtail:\n  {string.Join("\n  ", differences)}\n\n{actual}");
    }

    [RequiresMtailFact]
    public void Every_example_program_has_a_case()
    {
        Assert.Empty(ExamplePrograms().Select(p => Path.GetFileNameWithoutExtension(p)).Except(ExampleCases.All.Select(c => c.Program)));
    }

    [Fact]
    public void Every_example_log_is_used()
    {
        var logs = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Differential, "logs", "examples")).Select(Path.GetFileName);

        Assert.Empty(logs.Except(ExampleCases.All.Select(c => c.Log)));
    }

    private static IEnumerable<string> ExamplePrograms() =>
        Directory.Exists(RepositoryPaths.MtailExamples)
            ? Directory.EnumerateFiles(RepositoryPaths.MtailExamples, "*.mtail").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)
            : [];
}
