using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Tests.Patterns;

public sealed class PatternProgressFinderTests
{
    /// <summary>The text marks with `|` how far the pattern gets; the failed part and where it sits are given.</summary>
    [Theory]
    [InlineData(@"^(?P<method>[A-Z]+) (?P<size>\d+)$", "GET |abc", @"[0-9]+", "(?P<size>...)")]
    [InlineData(@"^GET /index", "GET /|about", "index", null)]
    [InlineData(@"^a+b", "|xyz", "a+", null)]
    [InlineData(@"user=(\w+) ok", "login user=bob |failed", "ok", null)]
    [InlineData(@"^%{IPV4:client} %{WORD:verb}", "10.0.0.1|-x", " ", null)]
    [InlineData(@"^%{IPV4:client} %{WORD:verb}", "10.0.0.1 |-", @"\b", "%{WORD:verb}")]
    [InlineData(@"^%{NUMBER:n:int} (?:x|y)$", "12 |z", "x|y", null)]
    public void FindsHowFarThePatternGets(string pattern, string marked, string failedPart, string? failedIn)
    {
        var text = marked.Replace("|", "");
        var translation = RegexTranslator.Translate(pattern, GrokLibrary.Default);
        var progress = PatternProgressFinder.Find(translation, text, TimeSpan.FromSeconds(1));
        Assert.NotNull(progress);
        Assert.False(progress.Matched);
        Assert.Equal(marked.IndexOf('|'), progress.MatchEnd);
        Assert.Equal(failedPart, progress.FailedPart);
        Assert.Equal(failedIn, progress.FailedIn);
    }

    [Fact]
    public void GrokReferencesAreFollowedInside()
    {
        var translation = RegexTranslator.Translate("^%{COMBINEDAPACHELOG}$", GrokLibrary.Default);
        var line = "1.2.3.4 - - [14/Nov/2023:22:13:21 +0000] \"GET / HTTP/1.1\" abc 12 \"-\" \"curl\"";
        var progress = PatternProgressFinder.Find(translation, line, TimeSpan.FromSeconds(1))!;
        Assert.Equal(line.IndexOf("abc", StringComparison.Ordinal), progress.MatchEnd);
        Assert.Equal("%{COMBINEDAPACHELOG} > %{HTTPD_COMBINEDLOG} > %{HTTPD_COMMONLOG}", progress.FailedIn);
        Assert.Contains("%{NUMBER:response}", progress.FailedPart);
    }

    [Fact]
    public void AMatchingPatternGetsTheWholeWay()
    {
        var translation = RegexTranslator.Translate(@"b(\d)", GrokLibrary.Default);
        var progress = PatternProgressFinder.Find(translation, "ab1", TimeSpan.FromSeconds(1))!;
        Assert.True(progress.Matched);
        Assert.Equal((1, 3), (progress.MatchStart, progress.MatchEnd));
    }

    [Fact]
    public void PatternWithErrorsHasNoProgress() =>
        Assert.Null(PatternProgressFinder.Find(RegexTranslator.Translate("a(b", GrokLibrary.Default), "ab", TimeSpan.FromSeconds(1)));
}
