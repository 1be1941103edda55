namespace LogMetrics.TestSupport;

/// <summary>What a command printed and how it exited.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"$ {Command}\nexit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Tail(Stderr, 8000)}";

    private static string Tail(string text, int max) => text.Length <= max ? text : "...\n" + text[^max..];
}
