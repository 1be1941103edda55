namespace LogMetrics.Language.Patterns;

/// <summary>Translates RE2 syntax (mtail's regexes) plus grok references (%{NAME}, %{NAME:capture}, %{NAME:capture:int|float}) to .NET.</summary>
public static class RegexTranslator
{
    public static RegexTranslation Translate(string pattern, GrokLibrary grok) => throw new NotImplementedException();
}
