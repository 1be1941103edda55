namespace LogMetrics.Cli.Import;

/// <summary>What a grok_exporter config becomes: programs, grok patterns, inputs, and the report.</summary>
internal sealed record ImportResult
{
    public IReadOnlyList<ImportedProgram> Programs { get; init; } = [];

    /// <summary>The config's inline grok patterns in logstash's format (one `NAME regex` a line); empty when none.</summary>
    public string GrokPatterns { get; init; } = "";

    /// <summary>Pattern directories or files the config imports, resolved against the config's directory.</summary>
    public IReadOnlyList<string> GrokPatternSources { get; init; } = [];

    /// <summary>The `--logs` sources of the input (globs, or `-` for stdin).</summary>
    public IReadOnlyList<string> Logs { get; init; } = [];

    public bool ReadAll { get; init; }

    /// <summary>True when templates read the webhook's JSON object (`.extra`): the webhook must run with
    /// `--webhook-extra`.</summary>
    public bool WebhookExtra { get; init; }

    /// <summary>The `--listen` address of the config's server section.</summary>
    public string Listen { get; init; } = "0.0.0.0:9144";

    public GrokExporterConfig? Config { get; init; }

    /// <summary>The grok library the programs compile with (the base plus the config's patterns).</summary>
    public LogMetrics.Language.Patterns.GrokLibrary? Library { get; init; }

    public IReadOnlyList<ImportMessage> Messages { get; init; } = [];

    public bool Success => Messages.All(m => m.Severity != ImportSeverity.Error);
}
