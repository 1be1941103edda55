using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Patterns;

/// <summary>Reads logstash pattern files: `NAME pattern` per line, `#` comments and blank lines skipped.</summary>
internal static class GrokPatternFileReader
{
    public static IEnumerable<(int Line, string Name, string Pattern)> Read(string text, string file, List<string> errors)
    {
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            var split = trimmed.AsSpan().IndexOfAny(' ', '\t');
            if (split <= 0)
            {
                errors.Add(PatternMessages.PatternFileBadLine(file, lineNumber));
                continue;
            }

            var name = trimmed[..split];
            var pattern = trimmed[split..].TrimStart(' ', '\t');
            if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                errors.Add(PatternMessages.PatternFileBadName(file, lineNumber, name));
                continue;
            }

            if (pattern.Length == 0)
            {
                errors.Add(PatternMessages.PatternFileBadLine(file, lineNumber));
                continue;
            }

            yield return (lineNumber, name, pattern);
        }
    }
}
