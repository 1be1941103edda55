using System.Text.RegularExpressions;
using LogMetrics.Language.Diagnostics;

namespace LogMetrics.Language.Patterns;

/// <summary>Translates RE2 syntax (mtail's regexes) plus grok references (%{NAME}, %{NAME:capture}, %{NAME:capture:int|float}) to .NET.</summary>
public static class RegexTranslator
{
    public static RegexTranslation Translate(string pattern, GrokLibrary grok)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(grok);
        return Translate(pattern, RegexDialect.Re2, grok.Resolve);
    }

    internal static RegexTranslation Translate(string pattern, RegexDialect dialect, Func<string, GrokResolution>? resolveGrok)
    {
        var parser = new RegexParser(pattern, dialect, resolveGrok);
        var root = parser.Parse();
        var errors = parser.Errors.OrderBy(e => e.Offset).ToList();
        var emitter = new RegexEmitter();
        var text = emitter.Emit(root);
        // The emitter writes only syntax .NET accepts, so a pattern without errors compiles
        // (RegexTranslatorTests.Every_translated_pattern_compiles checks it over generated patterns).
        const RegexOptions options = RegexOptions.CultureInvariant;

        return new RegexTranslation
        {
            Source = pattern,
            // A pattern with errors must never be used; if it is, it matches nothing.
            Pattern = errors.Count == 0 ? text : @"[^\s\S]",
            Options = options,
            Groups = emitter.Groups,
            Errors = errors,
            RequiredLiteral = RequiredLiteralFinder.Find(root),
            Tree = errors.Count == 0 ? root : null,
        };
    }
}
