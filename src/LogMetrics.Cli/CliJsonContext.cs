using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using LogMetrics.Cli.Daemon;
using LogMetrics.Language.Patterns;
using LogMetrics.Runtime.Explain;

namespace LogMetrics.Cli;

/// <summary>Every JSON document the CLI and the daemon write, through generated serializers (no reflection: the
/// container's NativeAOT build has none to give): snake_case names, enums as snake_case strings, no escaping of
/// HTML-sensitive characters (log lines and patterns are shown as they are).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(LineExplanation))]
[JsonSerializable(typeof(ExplainError))]
[JsonSerializable(typeof(List<JsonElement>))]
[JsonSerializable(typeof(Dictionary<string, IReadOnlyList<StatusColumnDefinition>>))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>The context with the options every writer uses.</summary>
    public static CliJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // One per enum that the documents above hold; an enum missing here is written as a number.
        Converters =
        {
            new JsonStringEnumConverter<CaptureType>(JsonNamingPolicy.SnakeCaseLower),
            new JsonStringEnumConverter<StepKind>(JsonNamingPolicy.SnakeCaseLower),
        },
    });
}
