namespace LogMetrics.Cli.Daemon;

/// <summary>GET /-/status.json: the fields are the ones <see cref="StatusTables"/> columns name (snake_case).</summary>
internal sealed record StatusDocument(
    DateTimeOffset Now,
    IReadOnlyList<ProgramStatusRow> Programs,
    IReadOnlyList<LogStatusRow> Logs,
    IReadOnlyList<MetricStatusRow> Metrics);

internal sealed record ProgramStatusRow(
    string Name,
    string State,
    IReadOnlyList<DiagnosticRow> Diagnostics,
    DateTimeOffset LastReload,
    long Lines,
    long Matched,
    long Undecoded,
    long RuntimeErrors,
    string? LastRuntimeError,
    double? LinesPerSecond,
    double? MatchesPerSecond);

/// <summary>A compile diagnostic as the page shows it (with its hint), or a load error; <see cref="Error"/> false: a warning.</summary>
internal sealed record DiagnosticRow(string Text, bool Error);

internal sealed record LogStatusRow(
    string Name,
    long Offset,
    long Size,
    long Lag,
    long Lines,
    double? LinesPerSecond,
    long Rotations,
    long Truncations,
    long OpenErrors,
    long LinesTooLong,
    long RecordsCut);

internal sealed record MetricStatusRow(string Name, string? Program, int Series, long Dropped, long Refused, int Limit);

/// <summary>POST /-/explain, for a program that could not be read or compiled for explaining.</summary>
internal sealed record ExplainError(string Program, string Error);
