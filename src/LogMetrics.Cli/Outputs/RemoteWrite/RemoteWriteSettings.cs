namespace LogMetrics.Cli.Outputs.RemoteWrite;

/// <summary>What `--remote-write.*` asked for; the same settings apply to every URL.</summary>
internal sealed record RemoteWriteSettings
{
    public required IReadOnlyList<Uri> Urls { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Added to every series that does not have the label already (as Prometheus' external_labels).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExternalLabels { get; init; } = [];

    /// <summary>Read before every request, so a rotated token is picked up.</summary>
    public string? BearerTokenFile { get; init; }

    public string? BasicAuthUsername { get; init; }

    /// <summary>Read before every request.</summary>
    public string? BasicAuthPasswordFile { get; init; }

    /// <summary>PEM certificates trusted for the receiver's certificate instead of the system's.</summary>
    public string? TlsCaFile { get; init; }

    /// <summary>PEM client certificate and key, for receivers that ask for one.</summary>
    public string? TlsCertFile { get; init; }

    public string? TlsKeyFile { get; init; }

    public bool TlsInsecureSkipVerify { get; init; }

    /// <summary>Samples held per URL while the receiver is away; the oldest are dropped (and counted) beyond it.</summary>
    public int QueueCapacity { get; init; } = 200_000;

    public int MaxSamplesPerSend { get; init; } = 2000;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);
}
