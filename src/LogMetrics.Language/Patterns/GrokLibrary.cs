namespace LogMetrics.Language.Patterns;

/// <summary>Named grok patterns: the built-in library, plus any loaded from logstash-format files.</summary>
public sealed class GrokLibrary
{
    /// <summary>The built-in library: every name of logstash-patterns-core's legacy set.</summary>
    public static GrokLibrary Default => throw new NotImplementedException();

    /// <summary>Adds the patterns of every file in a directory (`NAME regex` per line, `#` comments); later definitions override.
    /// Errors are "file:line: message" strings.</summary>
    public GrokLibrary WithPatternsFrom(string directory, out IReadOnlyList<string> errors) => throw new NotImplementedException();

    public bool Contains(string name) => throw new NotImplementedException();

    public IReadOnlyCollection<string> Names => throw new NotImplementedException();
}
