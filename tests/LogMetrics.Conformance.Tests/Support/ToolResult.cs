namespace LogMetrics.Conformance.Tests.Support;

/// <summary>How a tool process ended and what it printed.</summary>
internal sealed record ToolResult(string CommandLine, int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() =>
        $"$ {CommandLine}\nexit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Tail(Stderr, 4000)}";

    private static string Tail(string text, int max) => text.Length <= max ? text : "...\n" + text[^max..];
}
