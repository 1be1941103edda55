using System.Text.Encodings.Web;
using System.Text.Json;
using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Cli.Check;

/// <summary>Writes one JSON object per diagnostic: file, line, column, end {line, column} (exclusive), code, severity, message, hint.</summary>
internal sealed class DiagnosticJsonWriter(TextWriter output)
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Write(Diagnostic diagnostic) =>
        Write(
            diagnostic.Span.File,
            diagnostic.Span.Line,
            diagnostic.Span.Column,
            diagnostic.Span.Column + Math.Max(1, diagnostic.Span.Length),
            diagnostic.Code,
            diagnostic.Severity.ToString().ToLowerInvariant(),
            diagnostic.Message,
            diagnostic.Hint);

    /// <summary>A file-level error (unreadable, not compiled) that has no code or position: line and column 0.</summary>
    public void WriteFileError(string file, string message) => Write(file, 0, 0, 0, null, "error", message, null);

    private void Write(string file, int line, int column, int endColumn, string? code, string severity, string message, string? hint)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteNumber("line", line);
            json.WriteNumber("column", column);
            json.WriteStartObject("end");
            json.WriteNumber("line", line);
            json.WriteNumber("column", endColumn);
            json.WriteEndObject();
            if (code is null)
            {
                json.WriteNull("code");
            }
            else
            {
                json.WriteString("code", code);
            }

            json.WriteString("severity", severity);
            json.WriteString("message", message);
            if (string.IsNullOrEmpty(hint))
            {
                json.WriteNull("hint");
            }
            else
            {
                json.WriteString("hint", hint);
            }

            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
