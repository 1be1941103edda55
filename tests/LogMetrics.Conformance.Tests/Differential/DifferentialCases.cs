using LogMetrics.Conformance.Tests.Support;

namespace LogMetrics.Conformance.Tests.Differential;

/// <summary>The table of differential runs; a completeness test checks that every program and log is in it.</summary>
internal static class DifferentialCases
{
    public static readonly IReadOnlyList<DifferentialCase> All =
    [
        new("kinds", "kinds.mtail", "kinds.log"),
        new("kinds.no-prog-label", "kinds.mtail", "kinds.log", RunSettings.Default with { EmitProgLabel = false }),
        new("histograms", "histograms.mtail", "histograms.log"),
        new("indexing", "indexing.mtail", "indexing.log"),
        new("control", "control.mtail", "control.log"),
        new("operators", "operators.mtail", "operators.log"),
        new("assign", "assign.mtail", "assign.log"),
        new("builtins", "builtins.mtail", "builtins.log"),
        // Issue 8, section 3: const fragments joined as text, int ** negative int, tolower, Float parsing, (?i) folding.
        new("conformance_gaps", "conformance_gaps.mtail", "conformance_gaps.log"),
        new("types", "types.mtail", "types.log"),
        new("errors", "errors.mtail", "errors.log"),
        new("unicode", "unicode.mtail", "unicode.log"),
        new("syslog_year0", "syslog_year0.mtail", "syslog_year0.log", RunSettings.Default with { SyslogUseCurrentYear = false }),
        new("syslog_current_year", "syslog_current_year.mtail", "syslog_current_year.log"),
        new("quirks", "quirks.mtail", "quirks.log"),
        new("exporter_drops", "exporter_drops.mtail", "exporter_drops.log"),
        new("exporter_drops.no-prog-label", "exporter_drops.mtail", "exporter_drops.log", RunSettings.Default with { EmitProgLabel = false }),
        new("shared_names", "shared_names", "shared_names.log"),
        new("decorators", "decorators.mtail", "decorators.log"),
        new("sessions", "sessions.mtail", "sessions.log"),
        new("arith", "arith.mtail", "arith.log"),
        new("regexes", "regexes.mtail", "regexes.log"),
        new("times", "times.mtail", "times.log"),
        new("scopes", "scopes.mtail", "scopes.log"),
        new("float_edges", "float_edges.mtail", "float_edges.log"),
        new("conditions", "conditions.mtail", "conditions.log"),
        new("histo_consts", "histo_consts.mtail", "histo_consts.log"),
        new("two_files", "two_files.mtail", "two_files.a.log") { MoreLogs = ["two_files.b.log"] },
    ];

    public static TheoryData<string> Ids => new(All.Select(c => c.Id));

    public static DifferentialCase Get(string id) => All.Single(c => c.Id == id);
}
