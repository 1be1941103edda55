using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Runtime.Execution;

/// <summary>A loaded program's name, current version, counters and worker.</summary>
internal sealed class ProgramState
{
    public ProgramState(string name, string path)
    {
        Name = name;
        Path = path;
    }

    public string Name { get; }

    public string Path { get; set; }

    /// <summary>The text running; reloading the same text keeps the program's state.</summary>
    public string Text { get; set; } = "";

    /// <summary>Swapped atomically on reload; the worker reads it once per batch.</summary>
    public volatile CompiledProgram? Current;

    public long LinesProcessed;
    public long LinesMatched;

    /// <summary>Lines on which a json or logfmt pattern of the program met text that does not decode.</summary>
    public long LinesUndecoded;
    public long RuntimeErrors;
    public volatile string? LastRuntimeError;

    public IReadOnlyList<Diagnostic> Diagnostics { get; set; } = [];

    public ProgramWorker? Worker { get; set; }
}
