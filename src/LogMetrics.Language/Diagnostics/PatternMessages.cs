using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Diagnostics;

/// <summary>Every message about a pattern (LM3xxx), one method per message.</summary>
internal static class PatternMessages
{
    public static PatternError UnknownGrokPattern(int offset, int length, string name, IReadOnlyList<string> closeNames) =>
        new("LM3001", offset, length, $"unknown grok pattern '{name}'",
            closeNames.Count > 0 ? $"did you mean {string.Join(", ", closeNames)}?" : null);

    public static PatternError MissingClosingParen(int offset) =>
        new("LM3002", offset, 1, "missing closing )");

    public static PatternError UnexpectedClosingParen(int offset) =>
        new("LM3003", offset, 1, "unexpected )");

    public static PatternError MissingClosingBracket(int offset, int length) =>
        new("LM3004", offset, length, "missing closing ]");

    public static PatternError InvalidEscape(int offset, int length, string escape) =>
        new("LM3005", offset, length, $"invalid escape sequence: `{escape}`");

    public static PatternError Backreference(int offset, int length, string escape) =>
        new("LM3006", offset, length, $"backreferences are not supported in RE2: `{escape}`",
            "RE2 matches in linear time and has no backreferences; capture both parts and compare them in the rule");

    public static PatternError Lookaround(int offset, int length, string opener) =>
        new("LM3007", offset, length, $"lookaround is not supported in RE2: `{opener}`",
            "grok library patterns may use lookaround; in your own regex, match the text instead");

    public static PatternError MissingRepeatArgument(int offset, int length, string op) =>
        new("LM3008", offset, length, $"missing argument to repetition operator: `{op}`");

    public static PatternError NestedRepeat(int offset, int length, string ops) =>
        new("LM3009", offset, length, $"invalid nested repetition operator: `{ops}`",
            "group the inner repetition, e.g. (?:a*)*");

    public static PatternError InvalidRepeatCount(int offset, int length, string op) =>
        new("LM3010", offset, length, $"invalid repeat count: `{op}`", "counts must be at most 1000, and min <= max");

    public static PatternError InvalidGroupName(int offset, int length, string name) =>
        new("LM3011", offset, length, $"invalid named capture: `{name}`", "names are letters, digits and underscores");

    public static PatternError UnsupportedPerlSyntax(int offset, int length, string text) =>
        new("LM3012", offset, length, $"invalid or unsupported Perl syntax: `{text}`");

    public static PatternError InvalidClassRange(int offset, int length, string text) =>
        new("LM3013", offset, length, $"invalid character class range: `{text}`");

    public static PatternError UnknownCharacterClass(int offset, int length, string text) =>
        new("LM3014", offset, length, $"unknown or unsupported character class: `{text}`");

    public static PatternError InvalidGrokType(int offset, int length, string type) =>
        new("LM3015", offset, length, $"invalid grok capture type '{type}'", "the type is int, float or string");

    public static PatternError GrokCycle(int offset, int length, string path) =>
        new("LM3016", offset, length, $"grok patterns refer to each other in a cycle: {path}");

    public static PatternError GrokTooDeep(int offset, int length, string name, int limit) =>
        new("LM3017", offset, length, $"grok pattern '{name}' nests more than {limit} references deep");

    public static PatternError GrokDefinitionInvalid(int offset, int length, string name, string inner) =>
        new("LM3018", offset, length, $"grok pattern '{name}' is invalid: {inner}");

    public static PatternError MalformedGrokReference(int offset, int length, string text) =>
        new("LM3019", offset, length, $"malformed grok reference: `{text}`", "write %{NAME}, %{NAME:capture} or %{NAME:capture:int}");

    public static PatternError TrailingBackslash(int offset) =>
        new("LM3020", offset, 1, "trailing backslash at end of expression");

    public static PatternError Unsupported(int offset, int length, string text, string why) =>
        new("LM3022", offset, length, $"unsupported: `{text}` ({why})");

    public static PatternError TooComplex(int offset, int length) =>
        new("LM3023", offset, length, "expression nests too deeply");

    public static PatternError PatternTooLong(int length, int bytes, int limit) =>
        new("LM3040", 0, length, $"the pattern is {bytes} bytes long, more than mtail's limit of {limit}",
            "mtail refuses longer patterns (--max_regexp_length); split the work over several rules, or use grok names, which count as written");

    /// <summary>A line of a grok pattern file that is not `NAME regex`.</summary>
    public static string PatternFileBadLine(string file, int line) =>
        $"{file}:{line}: expected `NAME pattern`";

    public static string PatternFileBadName(string file, int line, string name) =>
        $"{file}:{line}: invalid pattern name '{name}' (letters, digits and underscores)";

    public static string PatternFileUnreadable(string file, string reason) =>
        $"{file}:0: cannot read the file: {reason}";

    public static string PatternFileInvalidPattern(string file, int line, string name, PatternError error) =>
        $"{file}:{line}: {name}: {error.Code}: {error.Message}";

    public static string DefinitionBadName(string name) =>
        $"--pattern-def: invalid pattern name '{name}' (letters, digits and underscores)";

    public static string DefinitionInvalid(string name, PatternError error) =>
        $"--pattern-def {name}: {error.Code}: {error.Message}";
}
