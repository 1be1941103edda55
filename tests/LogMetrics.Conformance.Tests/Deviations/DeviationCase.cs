using LogMetrics.Conformance.Tests.Support;

namespace LogMetrics.Conformance.Tests.Deviations;

/// <summary>
/// A deliberate difference from mtail: a program (programs/NAME.mtail) and its log (logs/NAME.log), the series
/// LogMetrics must export (written by hand, as Prometheus text without HELP and TYPE), and why mtail differs.
/// </summary>
internal sealed record DeviationCase(string Name, string Expected, string HowMtailDiffers)
{
    public string ProgramPath => Path.Combine(RepositoryPaths.Deviations, "programs", Name + ".mtail");

    public string LogPath => Path.Combine(RepositoryPaths.Deviations, "logs", Name + ".log");

    public override string ToString() => Name;
}
