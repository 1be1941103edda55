namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>The subset of .dockerignore matching the examples use: `**`, `**/NAME/`, `PATH`, `PATH/` and `!` to re-include; the last match wins.</summary>
internal static class DockerIgnore
{
    public static bool Excludes(IEnumerable<string> patterns, string path)
    {
        var excluded = false;
        foreach (var raw in patterns)
        {
            var negated = raw.StartsWith('!');
            var pattern = (negated ? raw[1..] : raw).TrimEnd('/');
            if (Matches(pattern, path))
            {
                excluded = !negated;
            }
        }

        return excluded;
    }

    private static bool Matches(string pattern, string path)
    {
        if (pattern == "**")
        {
            return true;
        }

        if (pattern.StartsWith("**/", StringComparison.Ordinal))
        {
            var name = pattern[3..];
            return path.Split('/').Contains(name);
        }

        return path == pattern || path.StartsWith(pattern + "/", StringComparison.Ordinal);
    }
}
