using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Tests.Syntax;

public sealed class LexerTests
{
    public static TheoryData<string, string, string> Tokens() => new()
    {
        { "after", "AFTER", "after" }, { "as", "AS", "as" }, { "buckets", "BUCKETS", "buckets" }, { "by", "BY", "by" },
        { "const", "CONST", "const" }, { "counter", "COUNTER", "counter" }, { "def", "DEF", "def" }, { "del", "DEL", "del" },
        { "else", "ELSE", "else" }, { "gauge", "GAUGE", "gauge" }, { "hidden", "HIDDEN_", "hidden" },
        { "histogram", "HISTOGRAM", "histogram" }, { "limit", "LIMIT", "limit" }, { "next", "NEXT", "next" },
        { "otherwise", "OTHERWISE", "otherwise" }, { "stop", "STOP", "stop" }, { "summary", "SUMMARY", "summary" }, { "text", "TEXT", "text" }, { "timer", "TIMER", "timer" },
        { "strptime", "BUILTIN", "strptime" }, { "{", "LCURLY", "{" }, { "}", "RCURLY", "}" }, { "(", "LPAREN", "(" }, { ")", "RPAREN", ")" },
        { "[", "LSQUARE", "[" }, { "]", "RSQUARE", "]" }, { ",", "COMMA", "," }, { "++", "INC", "++" }, { "--", "DEC", "--" },
        { "+=", "ADD_ASSIGN", "+=" }, { "-=", "SUB_ASSIGN", "-=" }, { "**", "POW", "**" }, { "*", "MUL", "*" }, { "%", "MOD", "%" },
        { "+", "PLUS", "+" }, { "-", "MINUS", "-" }, { "<<", "SHL", "<<" }, { ">>", "SHR", ">>" }, { "<=", "LE", "<=" },
        { ">=", "GE", ">=" }, { "<", "LT", "<" }, { ">", "GT", ">" }, { "==", "EQ", "==" }, { "!=", "NE", "!=" },
        { "=~", "MATCH", "=~" }, { "!~", "NOT_MATCH", "!~" }, { "=", "ASSIGN", "=" }, { "&&", "AND", "&&" }, { "||", "OR", "||" },
        { "&", "BITAND", "&" }, { "|", "BITOR", "|" }, { "^", "XOR", "^" }, { "~", "TILDE", "~" }, { "!", "NOT", "!" },
        { "/a\\/b/", "REGEX", "/a\\/b/" }, { "x /", "DIV", "/" }, { "1h30m", "DURATION", "1h30m" }, { "1.5", "FLOATLITERAL", "1.5" },
        { "42", "INTLITERAL", "42" }, { "\"s\\\"\"", "STRING", "\"s\\\"\"" }, { "\"open", "UNTERMINATED_STRING", "\"open" },
        { "$1", "CAPREF", "$1" }, { "$name", "CAPREF_NAMED", "$name" }, { "@deco", "DECO", "@deco" }, { "héllo_1", "ID", "héllo_1" },
        { "\n", "NL", "\n" }, { ";", "ERROR_CHARACTER", ";" }, { "$[\"k\"]", "DOLLAR", "$" }, { "$a.b", "DOT", "." },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public void LexesToken(string text, string kind, string tokenText)
    {
        var tokens = SyntaxTree.Lex(text);
        Assert.Contains((kind, tokenText), tokens);
    }

    [Fact]
    public void EveryTokenKindIsLexedByATest()
    {
        var tested = Tokens().Select(row => (string)row[1]).ToHashSet(StringComparer.Ordinal);
        var missing = SyntaxTree.TokenKinds.Where(k => !tested.Contains(k)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("a / b / c", "ID DIV ID DIV ID")]
    [InlineData("x =~ /a/", "ID MATCH REGEX")]
    [InlineData("const X /a/", "CONST ID REGEX")]
    [InlineData("// + X {", "REGEX PLUS ID LCURLY")]
    [InlineData("$1 / 2", "CAPREF DIV INTLITERAL")]
    [InlineData("f() / 2", "ID LPAREN RPAREN DIV INTLITERAL")]
    [InlineData("after_stage # comment", "ID")]
    [InlineData("1e-3, 1e2", "FLOATLITERAL COMMA FLOATLITERAL")]
    [InlineData("$a.b / 2", "CAPREF_NAMED DOT ID DIV INTLITERAL")]
    [InlineData("$a.text / 2 / 3", "CAPREF_NAMED DOT TEXT DIV INTLITERAL DIV INTLITERAL")]
    [InlineData("$a[\"k\"] / 2", "CAPREF_NAMED LSQUARE STRING RSQUARE DIV INTLITERAL")]
    [InlineData("$[\"@t\"]", "DOLLAR LSQUARE STRING RSQUARE")]
    public void RegexOnlyWhereAnOperandStarts(string text, string kinds) =>
        Assert.Equal(kinds, string.Join(" ", SyntaxTree.Lex(text).Select(t => t.Kind)));
}
