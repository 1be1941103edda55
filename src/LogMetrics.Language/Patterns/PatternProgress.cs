namespace LogMetrics.Language.Patterns;

/// <summary>How far a pattern got on a text it does not match: the longest prefix of the pattern that matches
/// somewhere, where that match ends, and the part of the pattern that could not match next.</summary>
/// <param name="MatchStart">Where the longest matching prefix of the pattern starts in the text.</param>
/// <param name="MatchEnd">Where it ends: the text up to here is as far as the pattern got.</param>
/// <param name="FailedPart">The element of the pattern that could not match at <paramref name="MatchEnd"/>, in .NET syntax.</param>
/// <param name="FailedIn">Where that element sits: the capture and grok references around it, outermost first
/// (e.g. "%{COMBINEDAPACHELOG} > %{HTTPDATE:timestamp}"); null at the top level.</param>
/// <param name="Matched">The pattern matches the whole way (nothing failed).</param>
public sealed record PatternProgress(int MatchStart, int MatchEnd, string FailedPart, string? FailedIn, bool Matched);
