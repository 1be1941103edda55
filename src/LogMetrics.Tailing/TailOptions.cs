namespace LogMetrics.Tailing;

/// <summary>What to follow and how.</summary>
public sealed record TailOptions
{
    /// <summary>Globs (with ** and wildcards in directories), "-" for stdin, or unix://PATH, tcp://HOST:PORT, udp://HOST:PORT.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Read files that exist at the very first start from their beginning (else from their end, like tail -f).</summary>
    public bool FromStart { get; init; }

    /// <summary>Where per-file offsets are kept across restarts; null keeps none.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Longer lines are cut to this many bytes and counted.</summary>
    public int MaxLineBytes { get; init; } = 1 << 20;

    public LogFormat Format { get; init; } = LogFormat.Plain;

    /// <summary>Multiline record rules; the first whose glob matches a source applies to it.</summary>
    public IReadOnlyList<Records.MultilineRule> Multiline { get; init; } = [];

    /// <summary>Fallback polling and glob rescan interval.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a rotated-away file is still read after EOF before it is closed.</summary>
    public TimeSpan RotationGrace { get; init; } = TimeSpan.FromSeconds(5);
}
