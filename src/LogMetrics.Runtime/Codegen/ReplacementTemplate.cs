using System.Text;
using System.Text.RegularExpressions;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Runtime.Codegen;

/// <summary>Expands gsub's replacement as Go's Regexp.Expand does: <c>$1</c>, <c>${1}</c>, <c>$name</c> and
/// <c>${name}</c> give a group's text (empty when it does not exist or did not take part), <c>$$</c> a dollar;
/// <c>$name</c> takes the longest run of letters, digits and underscores, so <c>$1x</c> is the group "1x".</summary>
internal sealed class ReplacementTemplate
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public ReplacementTemplate(IReadOnlyList<CaptureGroup> groups)
    {
        foreach (var group in groups)
        {
            if (group.Name is { } name)
            {
                _numbers.TryAdd(name, group.Number);
            }
        }
    }

    public string Expand(Match match, string template)
    {
        if (!template.Contains('$', StringComparison.Ordinal))
        {
            return template;
        }

        var result = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c != '$' || i + 1 >= template.Length)
            {
                result.Append(c);
                i++;
                continue;
            }

            if (template[i + 1] == '$')
            {
                result.Append('$');
                i += 2;
                continue;
            }

            string? name = null;
            var end = i + 1;
            if (template[i + 1] == '{')
            {
                var close = template.IndexOf('}', i + 2);
                if (close > i + 2 && IsName(template.AsSpan(i + 2, close - i - 2)))
                {
                    name = template[(i + 2)..close];
                    end = close + 1;
                }
            }
            else
            {
                while (end < template.Length && IsNameChar(template[end]))
                {
                    end++;
                }

                if (end > i + 1)
                {
                    name = template[(i + 1)..end];
                }
            }

            if (name is null)
            {
                // Not a reference: Go writes the '$' as it is.
                result.Append('$');
                i++;
                continue;
            }

            var group = GroupOf(name);
            if (group >= 0 && group < match.Groups.Count && match.Groups[group].Success)
            {
                result.Append(match.Groups[group].ValueSpan);
            }

            i = end;
        }

        return result.ToString();
    }

    private int GroupOf(string name)
    {
        if (name.Length <= 9 && name.All(char.IsAsciiDigit))
        {
            return int.Parse(name, System.Globalization.CultureInfo.InvariantCulture);
        }

        return _numbers.TryGetValue(name, out var number) ? number : -1;
    }

    private static bool IsName(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsNameChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
