namespace LogMetrics.Metrics;

/// <summary>The identity of a family in the store.</summary>
internal readonly record struct FamilyKey(string? Program, string Name);
