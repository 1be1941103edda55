using System.Text.RegularExpressions;

namespace LogMetrics.Runtime.Matching;

/// <summary>
/// A compiled regex with a per-match timeout. The first call of a compiled regex also JIT-compiles its
/// generated code, which for a large grok pattern on a loaded machine can exceed the timeout by itself;
/// so until one match has completed, a timeout is retried once. A match that times out afterwards throws
/// <see cref="RegexMatchTimeoutException"/>, which the caller counts as a runtime error.
/// </summary>
internal sealed class TimedRegex
{
    private readonly Regex _regex;
    private volatile bool _warm;

    public TimedRegex(string pattern, RegexOptions options, TimeSpan timeout)
    {
        _regex = new Regex(pattern, options, timeout);
    }

    private TimedRegex(Regex regex)
    {
        _regex = regex;
    }

    /// <summary>The same regex for another thread, sharing this one's compiled code (see <see cref="RegexTwin"/>).</summary>
    public TimedRegex Twin() => new(RegexTwin.Of(_regex));

    // The cold paths are separate methods: a lambda capturing the parameters makes C# allocate its closure at entry
    // to the method that declares it, on every call (40 B a line), even when the lambda is never created.
    public Match Match(string text, int start, int length) => _warm ? _regex.Match(text, start, length) : FirstMatch(text, start, length);

    public Match Match(string text) => _warm ? _regex.Match(text) : FirstMatch(text, 0, text.Length);

    public string Replace(string input, string replacement) => _warm ? _regex.Replace(input, replacement) : FirstReplace(input, replacement);

    public string Replace(string input, MatchEvaluator evaluator) => _warm ? _regex.Replace(input, evaluator) : FirstReplace(input, evaluator);

    private string FirstReplace(string input, MatchEvaluator evaluator) => Warm(() => _regex.Replace(input, evaluator));

    private Match FirstMatch(string text, int start, int length) => Warm(() => _regex.Match(text, start, length));

    private string FirstReplace(string input, string replacement) => Warm(() => _regex.Replace(input, replacement));

    /// <summary>Gives a match this regex made back for reuse, once nothing reads it any more.</summary>
    public void Return(Match match) => MatchRecycler.Return(_regex, match);

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
