using System.Text;

namespace LogMetrics.Runtime.Codegen;

/// <summary>Go's strings functions where .NET's differ.</summary>
internal static class GoStrings
{
    /// <summary>
    /// strings.ToLower: each rune by Unicode's simple lowercase mapping. .NET's invariant casing leaves U+0130
    /// (capital I with dot) as it is; Go maps it to "i".
    /// </summary>
    public static string ToLower(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(rune.Value == 0x0130 ? new Rune('i') : Rune.ToLowerInvariant(rune));
        }

        return builder.ToString();
    }
}
