using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Tests.Syntax;

public sealed class SyntaxFactsTests
{
    [Theory]
    [InlineData("requests", true)]
    [InlineData("http_requests_total", true)]
    [InlineData("counter2", true)]
    [InlineData("Counter", true)]
    // Keywords.
    [InlineData("counter", false)]
    [InlineData("by", false)]
    [InlineData("otherwise", false)]
    [InlineData("summary", false)]
    // Names the lexer takes as builtins (mtail's BUILTIN token).
    [InlineData("len", false)]
    [InlineData("strptime", false)]
    [InlineData("timestamp", false)]
    // Not one identifier.
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("a-b", false)]
    [InlineData("2xx", false)]
    [InlineData("$a", false)]
    public void IsIdentifier_is_what_the_lexer_reads_as_one_identifier(string name, bool expected) =>
        Assert.Equal(expected, SyntaxFacts.IsIdentifier(name));

    /// <summary>Every word-like literal token of the grammar (the keywords) is refused.</summary>
    [Fact]
    public void No_keyword_is_an_identifier()
    {
        var vocabulary = LogMetrics.Language.Syntax.Generated.RulesLexer.DefaultVocabulary;
        var keywords = Enumerable.Range(1, 1000) // every token type (names beyond the last are null)
            .Select(vocabulary.GetLiteralName)
            .OfType<string>()
            .Select(l => l.Trim('\''))
            .Where(l => l.All(char.IsAsciiLetter))
            .ToList();
        Assert.Contains("histogram", keywords);
        Assert.All(keywords, k => Assert.False(SyntaxFacts.IsIdentifier(k), k));
    }
}
