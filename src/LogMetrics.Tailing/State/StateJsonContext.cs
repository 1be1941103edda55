using System.Text.Json.Serialization;

namespace LogMetrics.Tailing.State;

/// <summary>positions.json's serializer, generated at build time: no reflection-built converters kept in memory for
/// the daemon's life, and nothing that a trimmed or native (AOT) build would lose. Same JSON as before.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(List<FileState>))]
[JsonSerializable(typeof(IReadOnlyList<FileState>))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
