using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LogMetrics.Cli.Webhook;

/// <summary>Turns a POSTed body into log lines, as grok_exporter's webhook input does; a malformed body is an error
/// for the whole request (nothing of it is used), never an exception.</summary>
internal static class WebhookBodyReader
{
    public static bool TryRead(WebhookSettings settings, ReadOnlySpan<byte> body, out List<string> lines, out string error)
    {
        lines = [];
        error = "";
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            error = "the body is not UTF-8";
            return false;
        }

        switch (settings.Format)
        {
            case WebhookFormat.TextSingle:
                lines.Add(text.Trim());
                return true;
            case WebhookFormat.TextBulk:
                lines.AddRange(text.Trim().Split(settings.TextBulkSeparator));
                return true;
            case WebhookFormat.JsonSingle:
                return TrySelect(text, settings, lines, out error, "the body");
            case WebhookFormat.JsonBulk:
                try
                {
                    using var document = JsonDocument.Parse(text);
                    if (document.RootElement.ValueKind != JsonValueKind.Array)
                    {
                        error = "json_bulk expects a JSON array of objects";
                        return false;
                    }

                    var index = 0;
                    foreach (var item in document.RootElement.EnumerateArray())
                    {
                        if (!TrySelect(item, settings.JsonSelector, out var line, out error))
                        {
                            error = $"element {index}: {error}";
                            return false;
                        }

                        lines.Add(settings.Extra ? Envelope(line, item, wrapped: true) : line);
                        index++;
                    }

                    return true;
                }
                catch (JsonException e)
                {
                    error = "invalid JSON: " + e.Message;
                    return false;
                }

            default:
                var number = 0;
                foreach (var line in text.Split('\n'))
                {
                    number++;
                    if (line.Trim().Length > 0 && !TrySelect(line, settings, lines, out error, $"line {number}"))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    private static bool TrySelect(string json, WebhookSettings settings, List<string> lines, out string error, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!TrySelect(document.RootElement, settings.JsonSelector, out var line, out error))
            {
                error = $"{what}: {error}";
                return false;
            }

            lines.Add(settings.Extra ? Envelope(line, document.RootElement, wrapped: false) : line);
            return true;
        }
        catch (JsonException e)
        {
            error = $"{what}: invalid JSON: {e.Message}";
            return false;
        }
    }

    // The record a program reads with `json { $["line"] =~ ... $["extra"]["k"] }`: the line grok_exporter matches
    // (trimmed, as it trims) and its .extra.
    private static string Envelope(string line, JsonElement record, bool wrapped)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("line", line.Trim());
            writer.WritePropertyName("extra");
            if (wrapped)
            {
                writer.WriteStartObject();
                writer.WritePropertyName("x");
                record.WriteTo(writer);
                writer.WriteEndObject();
            }
            else
            {
                record.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Follows `.a.b[2].c` from the element; the value must be a string, a number or a boolean.</summary>
    internal static bool TrySelect(JsonElement element, string selector, out string line, out string error)
    {
        line = "";
        error = "";
        if (!selector.StartsWith('.'))
        {
            error = $"invalid selector '{selector}': it must start with '.'";
            return false;
        }

        var current = element;
        var i = 1;
        while (i < selector.Length)
        {
            if (selector[i] == '[')
            {
                var close = selector.IndexOf(']', i);
                if (close < 0 || !int.TryParse(selector.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    error = $"invalid selector '{selector}'";
                    return false;
                }

                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    error = $"no element {selector[..(close + 1)]}";
                    return false;
                }

                current = current[index];
                i = close + 1;
                continue;
            }

            if (selector[i] == '.')
            {
                i++;
                continue;
            }

            var end = selector.IndexOfAny(['.', '['], i);
            var name = end < 0 ? selector[i..] : selector[i..end];
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out var next))
            {
                error = $"no field {selector[..(end < 0 ? selector.Length : end)]}";
                return false;
            }

            current = next;
            i = end < 0 ? selector.Length : end;
        }

        switch (current.ValueKind)
        {
            case JsonValueKind.String:
                line = current.GetString() ?? "";
                return true;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                line = current.GetRawText();
                return true;
            default:
                error = $"{selector} is {current.ValueKind.ToString().ToLowerInvariant()}, not a string";
                return false;
        }
    }
}
