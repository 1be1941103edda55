using System.Text;
using System.Text.RegularExpressions;

namespace LogMetrics.Runtime.Matching;

/// <summary>
/// The characters .NET's \b counts as word characters, read from .NET's own regex once, when a pattern first needs them:
/// a string of every UTF-16 unit, each after a space, searched for \b once (a boundary before a unit says it is a word
/// character). So the table is the runtime's definition (Unicode letters, marks, digits, connectors, U+200C/D), not a copy.
/// </summary>
internal static class WordChars
{
    private static readonly Lazy<ulong[]> s_table = new(Build);

    /// <summary>\b at <paramref name="pos"/> of text[begin..end], as .NET's RegexRunner.IsBoundary.</summary>
    public static bool IsBoundary(string text, int pos, int begin, int end) =>
        (pos > begin && IsWordChar(text[pos - 1])) != (pos < end && IsWordChar(text[pos]));

    public static bool IsWordChar(char c) => (s_table.Value[c >> 6] & (1UL << (c & 63))) != 0;

    private static ulong[] Build()
    {
        var table = new ulong[(char.MaxValue + 1) / 64];
        var text = new StringBuilder(2 * (char.MaxValue + 1));
        for (var c = 0; c <= char.MaxValue; c++)
        {
            text.Append(' ').Append((char)c);
        }

        var all = text.ToString();
        for (var match = new Regex(@"\b", RegexOptions.CultureInvariant).Match(all); match.Success; match = match.NextMatch())
        {
            if (match.Index % 2 == 1)
            {
                var c = all[match.Index];
                table[c >> 6] |= 1UL << (c & 63);
            }
        }

        return table;
    }
}
