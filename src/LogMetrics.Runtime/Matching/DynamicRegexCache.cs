using LogMetrics.Language.Patterns;

namespace LogMetrics.Runtime.Matching;

/// <summary>
/// The regexes of one `s =~ expr` built from strings at run time: the last few are kept, since a log mostly repeats
/// the same few patterns. A string that is no valid RE2 regex is kept too, with its error. Used by one program thread only.
/// </summary>
internal sealed class DynamicRegexCache(GrokLibrary grok, TimeSpan matchTimeout)
{
    private const int Capacity = 8;

    private readonly (string Text, TimedRegex? Regex, string? Error)[] _entries = new (string, TimedRegex?, string?)[Capacity];
    private int _count;
    private int _next;

    /// <summary>The compiled regex for the text, or null and the translation error.</summary>
    public TimedRegex? Get(string text, out string? error)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_entries[i].Text, text, StringComparison.Ordinal))
            {
                error = _entries[i].Error;
                return _entries[i].Regex;
            }
        }

        var translation = RegexTranslator.Translate(text, grok);
        TimedRegex? regex = null;
        error = null;
        if (translation.Success)
        {
            try
            {
                regex = new TimedRegex(translation.Pattern, translation.Options, matchTimeout);
            }
            catch (ArgumentException e)
            {
                error = e.Message;
            }
        }
        else
        {
            error = translation.Errors[0].Message;
        }

        _entries[_next] = (text, regex, error);
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
        return regex;
    }
}
