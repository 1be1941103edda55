using LogMetrics.Language.Patterns;

namespace LogMetrics.Runtime;

/// <summary>Settings shared by every program an engine runs.</summary>
public sealed record EngineOptions
{
    /// <summary>Zone for strptime values without one (mtail's --override_timezone; default UTC).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Adds the current year to yearless timestamps (mtail's --syslog_use_current_year).</summary>
    public bool SyslogUseCurrentYear { get; init; } = true;

    public GrokLibrary Grok { get; init; } = GrokLibrary.Default;

    /// <summary>Per-line, per-regex match timeout; a timeout is a runtime error.</summary>
    public TimeSpan MatchTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Registers logmetrics_program_* self-metrics (Program = null) in the store.</summary>
    public bool SelfMetrics { get; init; }

    /// <summary>Runs each program on its own worker thread; false runs everything on the caller's thread.</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Matches a batch's lines against a program's first pattern on a second core while the program runs the batch.</summary>
    public bool Prematch { get; init; } = true;

    /// <summary>Matches plain patterns (literals, classes, one-character repeats, groups, alternation) with
    /// <see cref="Matching.SimpleMatcher"/> instead of the regex: the same results, several times faster where the regex
    /// is interpreted (NativeAOT). False: the regex always (tests compare the two).</summary>
    public bool SimpleMatcher { get; init; } = true;

    /// <summary>Tests only: every prematched batch waits for the helper to finish it before the program runs, so the
    /// helper's results (not the program's own matches) are what the program reads.</summary>
    internal bool PrematchEveryLine { get; init; }
}
