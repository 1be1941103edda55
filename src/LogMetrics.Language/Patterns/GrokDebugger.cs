using System.Text.RegularExpressions;

namespace LogMetrics.Language.Patterns;

/// <summary>Matches a line the way grok reports it, for `logmetrics grok` and tests.</summary>
public static class GrokDebugger
{
    /// <summary>Searches <paramref name="line"/>; named captures only, and a name captured twice keeps its last non-empty value.</summary>
    public static GrokMatch Match(Regex regex, RegexTranslation translation, string line)
    {
        ArgumentNullException.ThrowIfNull(regex);
        ArgumentNullException.ThrowIfNull(translation);
        ArgumentNullException.ThrowIfNull(line);
        Match match;
        try
        {
            match = regex.Match(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return new GrokMatch(false, new Dictionary<string, string>()) { TimedOut = true };
        }

        if (!match.Success)
        {
            return new GrokMatch(false, new Dictionary<string, string>());
        }

        var captures = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new Dictionary<string, CaptureType>(StringComparer.Ordinal);
        foreach (var group in translation.Groups)
        {
            if (group.Name is null || group.Number >= match.Groups.Count)
            {
                continue;
            }

            var g = match.Groups[group.Number];
            if (g.Success && g.Length > 0)
            {
                captures[group.Name] = g.Value;
                if (group.IsTypeDeclared)
                {
                    types[group.Name] = group.Type;
                }
                else
                {
                    types.Remove(group.Name);
                }
            }
        }

        return new GrokMatch(true, captures) { DeclaredTypes = types };
    }
}
