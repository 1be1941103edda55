namespace LogMetrics.Runtime;

/// <summary>A runtime error in a program: the rest of that program was skipped for that line.</summary>
public sealed record RuntimeErrorEventArgs(string Program, string Source, string Message);
