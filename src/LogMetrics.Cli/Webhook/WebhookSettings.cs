namespace LogMetrics.Cli.Webhook;

/// <summary>The webhook input: where it listens on the HTTP server and how bodies are read.</summary>
internal sealed record WebhookSettings
{
    public string Path { get; init; } = "/webhook";

    public WebhookFormat Format { get; init; } = WebhookFormat.TextSingle;

    /// <summary>A dotted path with indexes (`.message`, `.event.lines[0]`) into each JSON object.</summary>
    public string JsonSelector { get; init; } = ".message";

    public string TextBulkSeparator { get; init; } = "\n\n";

    /// <summary>JSON formats: each record becomes {"line": the selected text, "extra": grok_exporter's .extra (the
    /// object; for json_bulk {"x": the element}, as grok_exporter wraps it)} instead of the selected text.</summary>
    public bool Extra { get; init; }

    /// <summary>Longer bodies get 413.</summary>
    public int MaxBodyBytes { get; init; } = 16 << 20;

    public static bool TryParseFormat(string text, out WebhookFormat format)
    {
        switch (text)
        {
            case "text_single":
                format = WebhookFormat.TextSingle;
                return true;
            case "text_bulk":
                format = WebhookFormat.TextBulk;
                return true;
            case "json_single":
                format = WebhookFormat.JsonSingle;
                return true;
            case "json_bulk":
                format = WebhookFormat.JsonBulk;
                return true;
            case "json_lines":
                format = WebhookFormat.JsonLines;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
