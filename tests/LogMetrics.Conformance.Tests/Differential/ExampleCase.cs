using LogMetrics.Conformance.Tests.Support;

namespace LogMetrics.Conformance.Tests.Differential;

/// <summary>One of mtail's shipped example programs over one log: mtail's own test data, or a log we made for it.</summary>
internal sealed record ExampleCase(string Program, string Log)
{
    public string Id => $"{Program}:{Log}";

    public string ProgramPath => Path.Combine(RepositoryPaths.MtailExamples, Program + ".mtail");

    /// <summary>"testdata/NAME" is in tests/data/conformance/mtail/testdata; anything else is under logs/examples.</summary>
    public string LogPath => Log.StartsWith("testdata/", StringComparison.Ordinal)
        ? Path.Combine(RepositoryPaths.MtailTestData, Log["testdata/".Length..])
        : Path.Combine(RepositoryPaths.Differential, "logs", "examples", Log);

    public override string ToString() => Id;
}
