namespace LogMetrics.Cli.Webhook;

/// <summary>How a POSTed body holds log lines (grok_exporter's webhook_format values).</summary>
internal enum WebhookFormat
{
    /// <summary>The whole body, trimmed, is one line.</summary>
    TextSingle,

    /// <summary>The body, trimmed, split at a separator (a blank line by default).</summary>
    TextBulk,

    /// <summary>One JSON object; the selector picks the line.</summary>
    JsonSingle,

    /// <summary>A JSON array of objects; the selector picks each line.</summary>
    JsonBulk,

    /// <summary>One JSON object a line (NDJSON); the selector picks each line.</summary>
    JsonLines,
}
