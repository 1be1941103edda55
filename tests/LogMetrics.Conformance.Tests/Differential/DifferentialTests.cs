using LogMetrics.Conformance.Tests.Support;

namespace LogMetrics.Conformance.Tests.Differential;

/// <summary>
/// Runs each of our own mtail programs through both mtail and logmetrics and requires the same series, values,
/// TYPE and HELP. Where mtail is not installed, its recorded output (expected/ID.prom) stands in for it;
/// LOGMETRICS_UPDATE_GOLDEN=1 rewrites those files from the live binary.
/// </summary>
public sealed class DifferentialTests
{
    private const string UpdateGoldenVariable = "LOGMETRICS_UPDATE_GOLDEN";

    public static TheoryData<string> Cases => DifferentialCases.Ids;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task LogMetrics_exports_what_mtail_exports(string id)
    {
        var @case = DifferentialCases.Get(id);
        var expectedText = Mtail.IsInstalled ? await RunMtailAsync(@case) : ReadGolden(@case);

        var actual = await LogMetricsTool.RunOneShotAsync(@case.ProgramPath, @case.LogPaths, @case.Settings);

        Assert.True(actual.ExitCode == 0, $"logmetrics failed on {id}:\n{actual}");
        var differences = ExpositionComparer.Compare(PrometheusExposition.Parse(expectedText), PrometheusExposition.Parse(actual.Stdout));
        Assert.True(differences.Count == 0, $"{id}: {differences.Count} difference(s) from mtail:\n  {string.Join("\n  ", differences)}\n\n{actual}");
    }

    [RequiresMtailTheory]
    [MemberData(nameof(Cases))]
    public async Task Golden_file_is_mtails_current_output(string id)
    {
        var @case = DifferentialCases.Get(id);
        var live = await RunMtailAsync(@case);
        Assert.True(File.Exists(@case.GoldenPath), $"{@case.GoldenPath} is missing; run the tests with {UpdateGoldenVariable}=1");

        var differences = ExpositionComparer.Compare(
            PrometheusExposition.Parse(live),
            PrometheusExposition.Parse(File.ReadAllText(@case.GoldenPath)),
            "mtail",
            "golden file");
        Assert.True(differences.Count == 0, $"{@case.GoldenPath} is stale; run the tests with {UpdateGoldenVariable}=1:\n  {string.Join("\n  ", differences)}");
    }

    [RequiresMtailTheory]
    [MemberData(nameof(Cases))]
    public async Task Program_compiles_in_mtail(string id)
    {
        var result = await Mtail.CompileOnlyAsync(DifferentialCases.Get(id).ProgramPath);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Every_program_passes_logmetrics_check()
    {
        var programs = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Differential, "programs"), "*.mtail", SearchOption.AllDirectories).Order().ToList();

        var result = await LogMetricsTool.CheckAsync(programs);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Every_program_and_log_is_in_the_table()
    {
        var programs = Directory.EnumerateFileSystemEntries(Path.Combine(RepositoryPaths.Differential, "programs")).Select(Path.GetFileName);
        var logs = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Differential, "logs")).Select(Path.GetFileName);
        var goldens = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Differential, "expected")).Select(Path.GetFileName);

        Assert.Empty(programs.Except(DifferentialCases.All.Select(c => c.Program)));
        Assert.Empty(logs.Except(DifferentialCases.All.SelectMany(c => c.AllLogs)));
        Assert.Empty(goldens.Except(DifferentialCases.All.Select(c => c.Id + ".prom")));
    }

    private static async Task<string> RunMtailAsync(DifferentialCase @case)
    {
        var result = await Mtail.RunOneShotAsync(@case.ProgramPath, @case.LogPaths, @case.Settings);
        Assert.True(result.ExitCode == 0, $"mtail failed on {@case.Id}:\n{result}");
        if (Environment.GetEnvironmentVariable(UpdateGoldenVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(@case.GoldenPath)!);
            await File.WriteAllTextAsync(@case.GoldenPath, result.Stdout);
        }

        return result.Stdout;
    }

    private static string ReadGolden(DifferentialCase @case)
    {
        Assert.True(File.Exists(@case.GoldenPath), $"mtail is not installed and {@case.GoldenPath} is missing");
        return File.ReadAllText(@case.GoldenPath);
    }
}
