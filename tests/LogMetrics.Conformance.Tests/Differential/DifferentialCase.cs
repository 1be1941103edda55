using LogMetrics.Conformance.Tests.Support;

namespace LogMetrics.Conformance.Tests.Differential;

/// <summary>
/// One differential run: a program (a file, or a directory of programs) from programs/, its log from logs/,
/// and the options both tools get. Its golden file, expected/ID.prom, is mtail's output.
/// </summary>
internal sealed record DifferentialCase(string Id, string Program, string Log, RunSettings Settings)
{
    public DifferentialCase(string id, string program, string log)
        : this(id, program, log, RunSettings.Default)
    {
    }

    public string ProgramPath => Path.Combine(RepositoryPaths.Differential, "programs", Program);

    /// <summary>Further logs from logs/, read together with <see cref="Log"/> (each tool gets them all).</summary>
    public IReadOnlyList<string> MoreLogs { get; init; } = [];

    public IReadOnlyList<string> AllLogs => [Log, .. MoreLogs];

    public IReadOnlyList<string> LogPaths => [.. AllLogs.Select(log => Path.Combine(RepositoryPaths.Differential, "logs", log))];

    public string GoldenPath => Path.Combine(RepositoryPaths.Differential, "expected", Id + ".prom");

    public override string ToString() => Id;
}
