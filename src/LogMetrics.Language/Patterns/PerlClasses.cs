namespace LogMetrics.Language.Patterns;

/// <summary>The ASCII sets behind \d \s \w \h and the POSIX [:name:] classes, as RE2 defines them.</summary>
internal static class PerlClasses
{
    public static readonly (int, int)[] Digit = [('0', '9')];
    public static readonly (int, int)[] Space = [('\t', '\n'), ('\f', '\r'), (' ', ' ')];
    public static readonly (int, int)[] RubySpace = [('\t', '\r'), (' ', ' ')];
    public static readonly (int, int)[] Word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
    public static readonly (int, int)[] HexDigit = [('0', '9'), ('A', 'F'), ('a', 'f')];

    public static (int, int)[]? Posix(string name) => name switch
    {
        "alnum" => [('0', '9'), ('A', 'Z'), ('a', 'z')],
        "alpha" => [('A', 'Z'), ('a', 'z')],
        "ascii" => [(0, 0x7F)],
        "blank" => [('\t', '\t'), (' ', ' ')],
        "cntrl" => [(0, 0x1F), (0x7F, 0x7F)],
        "digit" => Digit,
        "graph" => [('!', '~')],
        "lower" => [('a', 'z')],
        "print" => [(' ', '~')],
        "punct" => [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        "space" => [('\t', '\r'), (' ', ' ')],
        "upper" => [('A', 'Z')],
        "word" => Word,
        "xdigit" => HexDigit,
        _ => null,
    };

    /// <summary>Oniguruma's POSIX classes are Unicode-aware; these .NET pieces stand for them.</summary>
    public static string? UnicodePosix(string name) => name switch
    {
        "alnum" => @"\p{L}\p{M}\p{Nd}\p{Nl}",
        "alpha" => @"\p{L}\p{M}\p{Nl}",
        "digit" => @"\p{Nd}",
        "lower" => @"\p{Ll}",
        "upper" => @"\p{Lu}",
        "space" => @"\s",
        "word" => @"\w",
        "punct" => @"\p{P}$+<=>^`|~",
        "blank" => @"\p{Zs}\t",
        "cntrl" => @"\p{Cc}",
        "graph" => @"\p{L}\p{M}\p{N}\p{P}\p{S}",
        "print" => @"\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}",
        _ => null,
    };

    private static readonly HashSet<string> s_categories =
    [
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
        "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn",
    ];

    private static readonly Dictionary<string, string> s_scripts = new(StringComparer.Ordinal)
    {
        ["Greek"] = "IsGreekandCoptic",
        ["Cyrillic"] = "IsCyrillic",
        ["Arabic"] = "IsArabic",
        ["Hebrew"] = "IsHebrew",
        ["Thai"] = "IsThai",
        ["Hiragana"] = "IsHiragana",
        ["Katakana"] = "IsKatakana",
        ["Hangul"] = "IsHangulSyllables",
        ["Han"] = "IsCJKUnifiedIdeographs",
        ["Armenian"] = "IsArmenian",
        ["Georgian"] = "IsGeorgian",
        ["Devanagari"] = "IsDevanagari",
    };

    /// <summary>The .NET name for a Unicode class name RE2 accepts, or null when .NET has no equivalent.</summary>
    public static string? UnicodeName(string name) =>
        s_categories.Contains(name) ? name : s_scripts.GetValueOrDefault(name);
}
