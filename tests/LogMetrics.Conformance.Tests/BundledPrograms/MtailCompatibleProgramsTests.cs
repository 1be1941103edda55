using LogMetrics.Conformance.Tests.Support;

namespace LogMetrics.Conformance.Tests.BundledPrograms;

/// <summary>
/// A program in programs/ whose README says it "runs under mtail" is run by the real mtail and by logmetrics over its
/// sample log, and both must export the same series, values, TYPE and HELP: the claim is checked, not just made.
/// </summary>
public sealed class MtailCompatibleProgramsTests
{
    private const string Claim = "runs under mtail";

    public static TheoryData<string> ClaimingPrograms()
    {
        var data = new TheoryData<string>();
        foreach (var name in Claiming())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_programs_that_claim_it_are_found()
    {
        Assert.Superset(new HashSet<string> { "nginx", "traefik" }, Claiming().ToHashSet());
    }

    [RequiresMtailTheory]
    [MemberData(nameof(ClaimingPrograms))]
    public async Task Program_exports_what_mtail_exports(string name)
    {
        var dir = Path.Combine(Repository.Root, "programs", name);
        // mtail loads only *.mtail files, and both tools name the program in HELP: run both on the same copy.
        var progs = Directory.CreateTempSubdirectory("logmetrics-bundled-");
        try
        {
            File.Copy(Path.Combine(dir, name + ".rules"), Path.Combine(progs.FullName, name + ".mtail"));
            string[] logs = [Path.Combine(dir, "sample.log")];
            var settings = RunSettings.Default with { EmitProgLabel = false };

            var mtail = await Mtail.RunOneShotAsync(progs.FullName, logs, settings);
            var ours = await LogMetricsTool.RunOneShotAsync(progs.FullName, logs, settings);

            Assert.True(mtail.ExitCode == 0, $"mtail failed on {name}:\n{mtail}");
            Assert.True(ours.ExitCode == 0, $"logmetrics failed on {name}:\n{ours}");
            var expected = PrometheusExposition.Parse(mtail.Stdout);
            Assert.True(expected.Samples.Count > 0, $"mtail exported nothing for {name}:\n{mtail}");
            var differences = ExpositionComparer.Compare(expected, PrometheusExposition.Parse(ours.Stdout));
            Assert.True(differences.Count == 0, $"{name}: {differences.Count} difference(s) from mtail:\n  {string.Join("\n  ", differences)}");
        }
        finally
        {
            progs.Delete(recursive: true);
        }
    }

    private static IEnumerable<string> Claiming() =>
        Directory.GetDirectories(Path.Combine(Repository.Root, "programs"))
            .Where(d => File.Exists(Path.Combine(d, "README.md")) && File.ReadAllText(Path.Combine(d, "README.md")).Contains(Claim, StringComparison.Ordinal))
            .Select(d => Path.GetFileName(d)!)
            .Order(StringComparer.Ordinal);
}
