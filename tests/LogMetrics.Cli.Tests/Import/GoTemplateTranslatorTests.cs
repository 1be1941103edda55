using LogMetrics.Cli.Import;

namespace LogMetrics.Cli.Tests.Import;

public sealed class GoTemplateTranslatorTests
{
    [Theory]
    [InlineData("{{.path}}", "$path", "String")]
    [InlineData("{{ .path }}", "$path", "String")]
    [InlineData("static", "\"static\"", "String")]
    [InlineData("{{.method}} {{.path}}", "$method + \" \" + $path", "String")]
    [InlineData("{{base .logfile}}", "basename(getfilename())", "String")]
    [InlineData("{{.logfile | base}}", "basename(getfilename())", "String")]
    [InlineData("{{gsub .path \"/[0-9]+\" \"/:id\"}}", "gsub($path, \"/[0-9]+\", \"/:id\")", "String")]
    [InlineData("{{gsub .path \"^/(\\\\w+)/.*\" \"\\\\1\"}}", "gsub($path, \"^/(\\w+)/.*\", \"${1}\")", "String")]
    [InlineData("{{add .a .b}}", "(float($a) + float($b))", "Float")]
    [InlineData("{{subtract .a 1}}", "(float($a) - 1.0)", "Float")]
    [InlineData("{{multiply .a 0.5}}", "(float($a) * 0.5)", "Float")]
    [InlineData("{{divide .ms 1000}}", "(float($ms) / 1000.0)", "Float")]
    [InlineData("{{divide (add .a .b) 2}}", "((float($a) + float($b)) / 2.0)", "Float")]
    [InlineData("{{timestamp \"2006-01-02 15:04:05\" .t}}", "parsetime($t, \"2006-01-02 15:04:05\")", "Float")]
    [InlineData("{{eq .status \"200\"}}", "($status == \"200\")", "Bool")]
    [InlineData("{{- .user -}}", "$user", "String")]
    public void Translates_templates_to_expressions(string template, string expected, string type)
    {
        var result = GoTemplateTranslator.Translate(template);
        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Expression);
        Assert.Equal(type, result.Type.ToString());
    }

    [Theory]
    [InlineData("{{if eq .a \"b\"}}x{{end}}", "'{{if ...}}' has no translation")]
    [InlineData("{{index .extra \"user\"}}", "'.extra' (the JSON object of a webhook) has no translation")]
    [InlineData("{{printf \"%s\" .a}}", "template function 'printf' has no translation")]
    [InlineData("{{divide .a 0}}", "divide by zero")]
    [InlineData("{{.a", "unclosed action")]
    [InlineData("{{gsub .a .b \"x\"}}", "gsub needs the regex and the replacement as string literals")]
    [InlineData("{{base .a .b}}", "base takes 1 argument, got 2")]
    public void Reports_what_has_no_translation(string template, string error)
    {
        var result = GoTemplateTranslator.Translate(template);
        Assert.Null(result.Expression);
        Assert.Contains(result.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public void Collects_the_fields_it_reads()
    {
        var result = GoTemplateTranslator.Translate("{{.a}}-{{add .b .c}}-{{base .logfile}}");
        Assert.Equal(new[] { "a", "b", "c" }, result.Fields.Order());
    }
}
