namespace LogMetrics.Runtime.Matching;

/// <summary>
/// Skips a regex on lines that lack a literal every match must contain. The check pays only when it rejects lines:
/// on a log where nearly every line has the literal (apache_combined's " HTTP/" on an access log) the IndexOf is
/// pure cost, about half the regex's own time. So the filter samples itself: when fewer than 1 in 16 of 4096 checked
/// lines were rejected, it stands aside for the next 65536 lines, then samples again. Which lines it rejects never
/// changes a result, only whether the regex runs to find the same "no match". One instance per thread.
/// </summary>
internal sealed class LiteralPrefilter(string literal)
{
    internal const int SampleLines = 4096;
    internal const int BypassLines = 65536;

    private int _checked;
    private int _rejected;
    private int _bypass;

    public string Literal => literal;

    /// <summary>True when <paramref name="line"/> cannot match: the literal is absent.</summary>
    public bool Rejects(ReadOnlySpan<char> line)
    {
        if (_bypass > 0)
        {
            _bypass--;
            return false;
        }

        var absent = line.IndexOf(literal, StringComparison.Ordinal) < 0;
        if (absent)
        {
            _rejected++;
        }

        if (++_checked == SampleLines)
        {
            if (_rejected < SampleLines / 16)
            {
                _bypass = BypassLines;
            }

            _checked = 0;
            _rejected = 0;
        }

        return absent;
    }
}
