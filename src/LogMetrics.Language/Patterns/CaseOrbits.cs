namespace LogMetrics.Language.Patterns;

/// <summary>
/// RE2's case folding for (?i): the orbits of Unicode simple case folding with more than two members (Go's
/// unicode.CaseOrbit), plus ß ~ ẞ. .NET's IgnoreCase pairs letters, so it misses some members: (?i)s does not match
/// ſ (U+017F) and (?i)σ does not match ς. The translator writes each member of such an orbit as the whole orbit.
/// </summary>
internal static class CaseOrbits
{
    private static readonly int[][] s_orbits =
    [
        [0x004B, 0x006B, 0x212A], // K k K (Kelvin sign)
        [0x0053, 0x0073, 0x017F], // S s ſ (long s)
        [0x00B5, 0x039C, 0x03BC], // µ Μ μ
        [0x00C5, 0x00E5, 0x212B], // Å å Å (Angstrom sign)
        [0x00DF, 0x1E9E], // ß ẞ
        [0x01C4, 0x01C5, 0x01C6], // Ǆ ǅ ǆ
        [0x01C7, 0x01C8, 0x01C9], // Ǉ ǈ ǉ
        [0x01CA, 0x01CB, 0x01CC], // Ǌ ǋ ǌ
        [0x01F1, 0x01F2, 0x01F3], // Ǳ ǲ ǳ
        [0x0345, 0x0399, 0x03B9, 0x1FBE], // ͅ Ι ι ι
        [0x0392, 0x03B2, 0x03D0], // Β β ϐ
        [0x0395, 0x03B5, 0x03F5], // Ε ε ϵ
        [0x0398, 0x03B8, 0x03D1, 0x03F4], // Θ θ ϑ ϴ
        [0x039A, 0x03BA, 0x03F0], // Κ κ ϰ
        [0x03A0, 0x03C0, 0x03D6], // Π π ϖ
        [0x03A1, 0x03C1, 0x03F1], // Ρ ρ ϱ
        [0x03A3, 0x03C2, 0x03C3], // Σ ς σ
        [0x03A6, 0x03C6, 0x03D5], // Φ φ ϕ
        [0x03A9, 0x03C9, 0x2126], // Ω ω Ω (Ohm sign)
        [0x0412, 0x0432, 0x1C80], // В в ᲀ
        [0x0414, 0x0434, 0x1C81], // Д д ᲁ
        [0x041E, 0x043E, 0x1C82], // О о ᲂ
        [0x0421, 0x0441, 0x1C83], // С с ᲃ
        [0x0422, 0x0442, 0x1C84, 0x1C85], // Т т ᲄ ᲅ
        [0x042A, 0x044A, 0x1C86], // Ъ ъ ᲆ
        [0x0462, 0x0463, 0x1C87], // Ѣ ѣ ᲇ
        [0x1E60, 0x1E61, 0x1E9B], // Ṡ ṡ ẛ
        [0xA64A, 0xA64B, 0x1C88], // Ꙋ ꙋ ᲈ
    ];

    private static readonly Dictionary<int, int[]> s_byMember = s_orbits
        .SelectMany(orbit => orbit.Select(member => (member, orbit)))
        .ToDictionary(pair => pair.member, pair => pair.orbit);

    /// <summary>The orbit of a code point, or null when .NET's IgnoreCase already folds it as RE2 does.</summary>
    public static int[]? Of(int codePoint) => s_byMember.GetValueOrDefault(codePoint);

    /// <summary>Adds to a class, before any negation, every member of an orbit that has a member in it.</summary>
    public static void Close(CharClass cls)
    {
        foreach (var orbit in s_orbits)
        {
            if (orbit.Any(cls.Contains) && !orbit.All(cls.Contains))
            {
                foreach (var member in orbit)
                {
                    cls.AddRange(member, member);
                }
            }
        }
    }
}
