namespace LogMetrics.Cli.Import;

/// <summary>A grok_exporter config (version 2 or 3) as read, with the YAML position of what the translation needs.</summary>
internal sealed record GrokExporterConfig
{
    public int Version { get; init; } = 2;

    public string InputType { get; init; } = "stdin";

    public YamlPosition InputAt { get; init; }

    public IReadOnlyList<string> InputPaths { get; init; } = [];

    public bool Readall { get; init; }

    public string WebhookPath { get; init; } = "/webhook";

    public string WebhookFormat { get; init; } = "text_single";

    public string WebhookJsonSelector { get; init; } = ".message";

    public string WebhookTextBulkSeparator { get; init; } = "\n\n";

    /// <summary>Inline grok patterns (`grok_patterns`, v2 `grok.additional_patterns`), in logstash's format.</summary>
    public IReadOnlyList<string> GrokPatterns { get; init; } = [];

    /// <summary>Directories or files of grok patterns (v3 `imports` of type grok_patterns, v2 `grok.patterns_dir`).</summary>
    public IReadOnlyList<string> GrokPatternSources { get; init; } = [];

    public IReadOnlyList<MetricConfig> Metrics { get; init; } = [];

    public string ServerHost { get; init; } = "";

    public int ServerPort { get; init; } = 9144;
}

/// <summary>One entry of `metrics:`.</summary>
internal sealed record MetricConfig
{
    public required YamlPosition At { get; init; }

    /// <summary>The file of a metrics import the metric comes from; null for the config's own metrics.</summary>
    public string? File { get; init; }

    public string Type { get; init; } = "";

    public string Name { get; init; } = "";

    public YamlPosition NameAt { get; init; }

    public string Help { get; init; } = "";

    public string Match { get; init; } = "";

    public YamlPosition MatchAt { get; init; }

    public string? Value { get; init; }

    public YamlPosition ValueAt { get; init; }

    public bool Cumulative { get; init; }

    public IReadOnlyList<double>? Buckets { get; init; }

    /// <summary>Quantile and its allowed error, sorted by quantile.</summary>
    public IReadOnlyList<(double Quantile, double Error)>? Quantiles { get; init; }

    public TimeSpan? MaxAge { get; init; }

    public TimeSpan? Retention { get; init; }

    public YamlPosition RetentionAt { get; init; }

    public IReadOnlyList<TemplateConfig> Labels { get; init; } = [];

    public string? DeleteMatch { get; init; }

    public YamlPosition DeleteMatchAt { get; init; }

    public IReadOnlyList<TemplateConfig> DeleteLabels { get; init; } = [];

    public IReadOnlyList<string> Paths { get; init; } = [];
}

/// <summary>A label name and its Go template.</summary>
internal sealed record TemplateConfig(string Name, string Template, YamlPosition At)
{
    /// <summary>Set to "" for a label that an import's defaults add: its position is in the config, not in the
    /// imported file.</summary>
    public string? File { get; init; }
}

/// <summary>The `defaults` of a v3 `imports` entry of type metrics: each applies to an imported metric that does not
/// set it (labels one by one; buckets only to histograms, quantiles and max_age only to summaries).</summary>
internal sealed record MetricDefaults
{
    public IReadOnlyList<string> Paths { get; init; } = [];

    public TimeSpan? Retention { get; init; }

    public YamlPosition RetentionAt { get; init; }

    public IReadOnlyList<double>? Buckets { get; init; }

    public IReadOnlyList<(double Quantile, double Error)>? Quantiles { get; init; }

    public TimeSpan? MaxAge { get; init; }

    public IReadOnlyList<TemplateConfig> Labels { get; init; } = [];
}
