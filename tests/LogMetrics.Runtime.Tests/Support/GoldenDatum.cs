namespace LogMetrics.Runtime.Tests.Support;

/// <summary>One line of an mtail golden file: KIND NAME [{k=v,...}] [VALUE] [TIMESTAMP].</summary>
internal sealed record GoldenDatum(string Kind, string Name, IReadOnlyDictionary<string, string> Labels, string? Value, long? TimestampMs, string Line);
