namespace LogMetrics.Tailing;

/// <summary>What is wrong with one --logs entry before anything is read.</summary>
public enum InputProblemKind
{
    /// <summary>A path without wildcards that names no file.</summary>
    Missing,

    /// <summary>A glob that matches no file now.</summary>
    NoMatch,

    /// <summary>A file that exists but cannot be opened for reading (permissions, a directory, ...).</summary>
    Unreadable,
}

/// <summary>One problem of one --logs entry: the entry as given, the path concerned and why.</summary>
public sealed record InputProblem(string Source, string Path, InputProblemKind Kind, string Reason);
