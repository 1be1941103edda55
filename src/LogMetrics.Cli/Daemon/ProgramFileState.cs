using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Cli.Daemon;

/// <summary>A program file as the last reload left it: Text is the text running, Error the last failure (null when the last load worked).</summary>
internal sealed record ProgramFileState(
    string Path,
    string? Text,
    bool Running,
    IReadOnlyList<Diagnostic> Diagnostics,
    string? Error,
    DateTimeOffset CheckedAt)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Successful loads of a changed text since start.</summary>
    public long Loads { get; init; }

    /// <summary>Failed loads since start (the file was unreadable or did not compile).</summary>
    public long LoadErrors { get; init; }
}
