using System.Text.RegularExpressions;

namespace LogMetrics.Runtime;

/// <summary>
/// A compiled regex with a per-match timeout. The first call of a compiled regex also JIT-compiles its
/// generated code, which for a large grok pattern on a loaded machine can exceed the timeout by itself;
/// so until one match has completed, a timeout is retried once. A match that times out afterwards throws
/// <see cref="RegexMatchTimeoutException"/>, which the caller counts as a runtime error.
/// </summary>
internal sealed class TimedRegex : IMatchOwner
{
    private readonly Regex _regex;
    private volatile bool _warm;

    public TimedRegex(string pattern, RegexOptions options, TimeSpan timeout)
    {
        _regex = new Regex(pattern, options, timeout);
    }

    public Match Match(string text, int start, int length)
    {
        if (_warm)
        {
            return _regex.Match(text, start, length);
        }

        var m = Warm(() => _regex.Match(text, start, length));
        return m;
    }

    public Match Match(string text) => _warm ? _regex.Match(text) : Warm(() => _regex.Match(text));

    /// <summary>Gives a match this regex made back for reuse, once nothing reads it any more.</summary>
    public void Return(Match match) => MatchRecycler.Return(_regex, match);

    public string Replace(string input, string replacement) =>
        _warm ? _regex.Replace(input, replacement) : Warm(() => _regex.Replace(input, replacement));

    private T Warm<T>(Func<T> run)
    {
        T result;
        try
        {
            result = run();
        }
        catch (RegexMatchTimeoutException)
        {
            result = run();
        }

        _warm = true;
        return result;
    }
}
