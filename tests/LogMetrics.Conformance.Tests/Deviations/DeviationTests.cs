using LogMetrics.Conformance.Tests.Support;

namespace LogMetrics.Conformance.Tests.Deviations;

/// <summary>
/// Where LogMetrics deliberately differs from mtail: each program exports the hand-written values, and (where mtail
/// is installed) mtail still differs, so a deviation that mtail stops having is noticed.
/// </summary>
public sealed class DeviationTests
{
    public static TheoryData<string> Cases => DeviationCases.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task LogMetrics_exports_the_expected_values(string name)
    {
        var @case = DeviationCases.Get(name);

        var actual = await LogMetricsTool.RunOneShotAsync(@case.ProgramPath, [@case.LogPath], RunSettings.Default);

        Assert.True(actual.ExitCode == 0, $"logmetrics failed on {name}:\n{actual}");
        var differences = ExpositionComparer.Compare(PrometheusExposition.Parse(@case.Expected), PrometheusExposition.Parse(actual.Stdout), "expected");
        Assert.True(differences.Count == 0, $"{name}: {differences.Count} difference(s):\n  {string.Join("\n  ", differences)}\n\n{actual}");
    }

    [RequiresMtailTheory]
    [MemberData(nameof(Cases))]
    public async Task Mtail_still_differs(string name)
    {
        var @case = DeviationCases.Get(name);

        var mtail = await Mtail.RunOneShotAsync(@case.ProgramPath, [@case.LogPath], RunSettings.Default);

        Assert.True(mtail.ExitCode == 0, $"mtail failed on {name}:\n{mtail}");
        var differences = ExpositionComparer.Compare(PrometheusExposition.Parse(@case.Expected), PrometheusExposition.Parse(mtail.Stdout), "logmetrics", "mtail");
        Assert.True(differences.Count > 0, $"{name}: mtail now agrees with LogMetrics; move the case into the differential programs ({@case.HowMtailDiffers})");
    }

    [Fact]
    public void Every_deviation_program_and_log_is_in_the_table()
    {
        var programs = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Deviations, "programs")).Select(Path.GetFileNameWithoutExtension);
        var logs = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Deviations, "logs")).Select(Path.GetFileNameWithoutExtension);

        Assert.Empty(programs.Except(DeviationCases.All.Select(c => c.Name)));
        Assert.Empty(logs.Except(DeviationCases.All.Select(c => c.Name)));
    }
}
