using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LogMetrics.Tailing.Globs;

namespace LogMetrics.Tailing.Records;

/// <summary>
/// One <c>--multiline</c> spec: which sources it applies to, how a record begins, and its bounds.
/// Written <c>[GLOB=]start:/REGEX/[,max_lines=N][,max_bytes=N][,timeout=DUR]</c> (or <c>continue:</c>).
/// </summary>
public sealed class MultilineRule
{
    public const int DefaultMaxLines = 500;
    public const int DefaultMaxBytes = 1 << 20;

    /// <summary>Bounds one regex match; the regexes run without backtracking, so this is a safety net, not a limit users meet.</summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly GlobPattern? _glob;

    private MultilineRule(string text, string? glob, MultilineMode mode, string pattern, Regex regex, int maxLines, int maxBytes, TimeSpan flushTimeout)
    {
        Text = text;
        Glob = glob;
        Mode = mode;
        Pattern = pattern;
        Regex = regex;
        MaxLines = maxLines;
        MaxBytes = maxBytes;
        FlushTimeout = flushTimeout;
        _glob = glob is null or "-" ? null : GlobPattern.Parse(glob, Directory.GetCurrentDirectory());
    }

    public static TimeSpan DefaultFlushTimeout { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The spec as written.</summary>
    public string Text { get; }

    /// <summary>The sources it applies to (matched like <c>--logs</c> globs, "-" for stdin); null for every source.</summary>
    public string? Glob { get; }

    public MultilineMode Mode { get; }

    public string Pattern { get; }

    /// <summary>A record is handed on when it holds this many lines, and the next line starts another (counted).</summary>
    public int MaxLines { get; }

    /// <summary>A record is handed on before it would grow past this many UTF-8 bytes (counted).</summary>
    public int MaxBytes { get; }

    /// <summary>A record held this long without a new line is handed on (the last record of a quiet file).</summary>
    public TimeSpan FlushTimeout { get; }

    internal Regex Regex { get; }

    /// <summary>Whether the rule applies to a source name (an absolute path, or "-" for stdin).</summary>
    public bool AppliesTo(string source) => Glob switch
    {
        null => true,
        "-" => source == "-",
        _ => _glob!.IsMatch(source),
    };

    /// <summary>Parses a spec; false with a message saying what is wrong.</summary>
    public static bool TryParse(string text, out MultilineRule? rule, out string error)
    {
        rule = null;
        error = "";
        string? glob = null;
        var rest = text;
        if (!StartsWithMode(rest))
        {
            var at = FindModeAfterEquals(text);
            if (at < 0)
            {
                error = $"'{text}' is not a multiline spec; write GLOB=start:/REGEX/ or GLOB=continue:/REGEX/";
                return false;
            }

            glob = text[..at];
            rest = text[(at + 1)..];
        }

        var mode = rest.StartsWith("start:", StringComparison.Ordinal) ? MultilineMode.Start : MultilineMode.Continue;
        rest = rest[(mode == MultilineMode.Start ? "start:".Length : "continue:".Length)..];
        if (!TryReadRegex(rest, out var pattern, out var after))
        {
            error = $"'{text}': the regex must be written between slashes, /REGEX/ (\\/ for a slash inside)";
            return false;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (NotSupportedException ex)
        {
            error = $"'{text}': the regex /{pattern}/ uses what cannot run in linear time (backreferences, lookaround, atomic groups are not supported, as in RE2): {ex.Message}";
            return false;
        }
        catch (ArgumentException ex)
        {
            error = $"'{text}': the regex /{pattern}/ is not valid: {ex.Message}";
            return false;
        }

        var maxLines = DefaultMaxLines;
        var maxBytes = DefaultMaxBytes;
        var timeout = DefaultFlushTimeout;
        foreach (var option in after.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = option.IndexOf('=');
            var (key, value) = eq < 0 ? (option, "") : (option[..eq], option[(eq + 1)..]);
            var ok = key switch
            {
                "max_lines" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out maxLines) && maxLines > 0,
                "max_bytes" => TryParseBytes(value, out maxBytes) && maxBytes > 0,
                "timeout" => DurationText.TryParse(value, out timeout) && timeout > TimeSpan.Zero,
                _ => false,
            };
            if (!ok)
            {
                error = $"'{text}': '{option}' is not an option; use max_lines=N (lines), max_bytes=N (bytes, KiB or MiB allowed) or timeout=DUR (like 500ms or 2s), each above 0";
                return false;
            }
        }

        rule = new MultilineRule(text, glob, mode, pattern, regex, maxLines, maxBytes, timeout);
        return true;
    }

    public override string ToString() => Text;

    private static bool StartsWithMode(string text) =>
        text.StartsWith("start:", StringComparison.Ordinal) || text.StartsWith("continue:", StringComparison.Ordinal);

    private static int FindModeAfterEquals(string text)
    {
        for (var i = text.IndexOf('='); i >= 0; i = text.IndexOf('=', i + 1))
        {
            if (i > 0 && StartsWithMode(text[(i + 1)..]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryReadRegex(string text, out string pattern, out string after)
    {
        pattern = "";
        after = "";
        if (!text.StartsWith('/'))
        {
            return false;
        }

        var builder = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '/')
            {
                builder.Append('/');
                i++;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (c == '/')
            {
                pattern = builder.ToString();
                after = text[(i + 1)..];
                return after.Length == 0 || after.StartsWith(',');
            }
            else
            {
                builder.Append(c);
            }
        }

        return false;
    }

    private static bool TryParseBytes(string text, out int bytes)
    {
        var scale = 1;
        if (text.EndsWith("KiB", StringComparison.Ordinal))
        {
            scale = 1024;
            text = text[..^3];
        }
        else if (text.EndsWith("MiB", StringComparison.Ordinal))
        {
            scale = 1024 * 1024;
            text = text[..^3];
        }

        bytes = 0;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value * scale > int.MaxValue)
        {
            return false;
        }

        bytes = (int)(value * scale);
        return true;
    }
}
