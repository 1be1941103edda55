using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using LogMetrics.Runtime.Explain;

namespace LogMetrics.Cli.Explain;

/// <summary>One JSON object per explained line and program (snake_case names, enums as lower-case strings).</summary>
internal sealed class ExplanationJsonWriter(TextWriter output) : IExplanationWriter
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public void Write(LineExplanation explanation) => output.WriteLine(JsonSerializer.Serialize(explanation, Options));
}
