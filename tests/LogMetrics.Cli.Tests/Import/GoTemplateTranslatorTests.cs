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
    [InlineData("{{printf \"%s %s\" .method .path}}", "$method + \" \" + $path", "String")]
    [InlineData("{{printf \"%v ms (100%%)\" (add .a 1)}}", "string((float($a) + 1.0)) + \" ms (100%)\"", "String")]
    [InlineData("{{print .a \"-\" .b}}", "$a + \"-\" + $b", "String")]
    [InlineData("{{print (add .a 1) (add .b 1)}}", "string((float($a) + 1.0)) + \" \" + string((float($b) + 1.0))", "String")]
    public void Translates_templates_to_expressions(string template, string expected, string type)
    {
        var result = GoTemplateTranslator.Translate(template);
        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Expression);
        Assert.Equal(type, result.Type.ToString());
    }

    // Conditionals become branches: the condition, then the leaves of each side, as "cond ? then : else".
    [Theory]
    [InlineData("{{if eq .user \"alice\"}}1{{else}}0{{end}}", "($user == \"alice\") ? \"1\" : \"0\"")]
    [InlineData("{{if .user}}{{.user}}{{end}}", "($user != \"\") ? $user : \"\"")]
    [InlineData("{{if ne .a \"x\"}}y{{end}}", "($a != \"x\") ? \"y\" : \"\"")]
    [InlineData("{{if eq .a \"x\"}}1{{else if eq .a \"y\"}}2{{else}}3{{end}}", "($a == \"x\") ? \"1\" : ($a == \"y\") ? \"2\" : \"3\"")]
    [InlineData("{{if and (eq .a \"x\") (eq .b \"y\")}}both{{end}}", "(($a == \"x\") && ($b == \"y\")) ? \"both\" : \"\"")]
    [InlineData("{{if or (eq .a \"x\") (eq .b \"y\")}}one{{end}}", "(($a == \"x\") || ($b == \"y\")) ? \"one\" : \"\"")]
    [InlineData("{{if not (eq .a \"x\")}}other{{end}}", "!(($a == \"x\")) ? \"other\" : \"\"")]
    [InlineData("{{if eq .a \"x\" \"y\"}}xy{{end}}", "(($a == \"x\") || ($a == \"y\")) ? \"xy\" : \"\"")]
    [InlineData("{{if gt (add .ms 0) 1000.0}}slow{{else}}fast{{end}}", "((float($ms) + 0.0) > 1000.0) ? \"slow\" : \"fast\"")]
    [InlineData("{{if lt .status \"400\"}}ok{{end}}", "($status < \"400\") ? \"ok\" : \"\"")]
    [InlineData("{{or .user \"anonymous\"}}", "($user != \"\") ? $user : \"anonymous\"")]
    [InlineData("{{and .a .b}}", "($a != \"\") ? $b : $a")]
    [InlineData("GET {{if .q}}?{{end}}/", "($q != \"\") ? \"GET ?/\" : \"GET /\"")]
    [InlineData("{{- if eq .a \"x\" -}} x {{- else -}} y {{- end -}}", "($a == \"x\") ? \"x\" : \"y\"")]
    [InlineData("{{if true}}a{{else}}b{{end}}", "\"a\"")]
    [InlineData("{{not .a}}", "string(!(($a != \"\")))")]
    public void Translates_conditionals_to_branches(string template, string expected)
    {
        var result = GoTemplateTranslator.Translate(template);
        Assert.Empty(result.Errors);
        Assert.Equal(expected, Show(result.Tree!));
    }

    // .extra is the webhook's JSON object in the record --webhook-extra hands over; a missing key is Go's <no value>.
    [Theory]
    [InlineData("{{index .extra \"user\"}}", "defined($[\"extra\"][\"user\"]) ? $[\"extra\"][\"user\"] : \"<no value>\"")]
    [InlineData("{{ index .extra \"log\" \"level\" }}", "defined($[\"extra\"][\"log\"][\"level\"]) ? $[\"extra\"][\"log\"][\"level\"] : \"<no value>\"")]
    [InlineData("{{.extra.user}}", "defined($[\"extra\"][\"user\"]) ? $[\"extra\"][\"user\"] : \"<no value>\"")]
    [InlineData("{{index .extra.items 0}}", "defined($[\"extra\"][\"items\"][0]) ? $[\"extra\"][\"items\"][0] : \"<no value>\"")]
    [InlineData("{{if index .extra \"admin\"}}yes{{else}}no{{end}}", "(defined($[\"extra\"][\"admin\"]) && ($[\"extra\"][\"admin\"] != \"\")) ? \"yes\" : \"no\"")]
    [InlineData("{{.user}}@{{index .extra \"host\"}}", "defined($[\"extra\"][\"host\"]) ? $user + \"@\" + $[\"extra\"][\"host\"] : $user + \"@\" + \"<no value>\"")]
    public void Translates_extra_to_fields_of_the_webhook_record(string template, string expected)
    {
        var result = GoTemplateTranslator.Translate(template, extraAvailable: true);
        Assert.Empty(result.Errors);
        Assert.True(result.UsesExtra);
        Assert.Equal(expected, Show(result.Tree!));
    }

    [Fact]
    public void A_missing_extra_field_as_a_value_is_a_runtime_error_as_in_grok_exporter()
    {
        var result = GoTemplateTranslator.Translate("{{index .extra \"ms\"}}", extraAvailable: true);
        var branch = Assert.IsType<TemplateBranch>(result.Tree);
        Assert.Equal("float($[\"extra\"][\"ms\"])", GoTemplateTranslator.AsFloat((TemplateLeaf)branch.Else));
        Assert.Equal("\"<no value>\"", GoTemplateTranslator.AsString((TemplateLeaf)branch.Else));
    }

    // Each error at the offset of what has no translation (the importer turns it into the YAML line and column).
    [Theory]
    [InlineData("{{range .a}}x{{end}}", 2, "'{{range}}' has no translation")]
    [InlineData("ab {{with .a}}x{{end}}", 5, "'{{with}}' has no translation")]
    [InlineData("{{if .a}}x", 0, "'{{if}}' without '{{end}}'")]
    [InlineData("x{{end}}", 3, "'{{end}}' without '{{if}}'")]
    [InlineData("{{$x := .a}}", 2, "template variables")]
    [InlineData("{{index .extra \"user\"}}", 8, "'.extra' is set only for the webhook input")]
    [InlineData("{{index .path \"user\"}}", 2, "index has a translation only on .extra")]
    [InlineData("{{printf \"%d\" .a}}", 2, "printf: only %s (of a string) and %v have a translation, not %d")]
    [InlineData("{{printf \"%s\" (add .a 1)}}", 2, "printf: only %s (of a string) and %v")]
    [InlineData("{{printf \"%s-%s\" .a}}", 2, "printf: the format has more verbs than arguments")]
    [InlineData("{{printf \"%s\" .a .b}}", 2, "printf: more arguments than verbs")]
    [InlineData("{{urlquery .a}}", 2, "template function 'urlquery' has no translation")]
    [InlineData("{{divide .a 0}}", 2, "divide by zero")]
    [InlineData("x {{.a", 2, "unclosed action")]
    [InlineData("{{gsub .a .b \"x\"}}", 2, "gsub needs the regex and the replacement as string literals")]
    [InlineData("{{base .a .b}}", 2, "base takes 1 argument, got 2")]
    [InlineData("{{.a.b}}", 2, "'.a.b': a grok field is a string")]
    [InlineData("{{if gt .ms 500}}slow{{end}}", 5, "gt compares int with string: grok_exporter fails on every line with 'incompatible types for comparison'")]
    [InlineData("{{eq (add .a .b) 7}}", 2, "eq compares float with int")]
    public void Reports_what_has_no_translation_at_its_offset(string template, int offset, string error)
    {
        var result = GoTemplateTranslator.Translate(template);
        Assert.Null(result.Tree);
        Assert.Contains(result.Errors, e => e.Offset == offset && e.Message.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public void The_whole_extra_object_has_no_translation()
    {
        var result = GoTemplateTranslator.Translate("{{.extra}}", extraAvailable: true);
        Assert.Contains(result.Errors, e => e.Message.StartsWith("'.extra' is the whole JSON object", StringComparison.Ordinal));
    }

    private static string Show(TemplateTree tree) => tree switch
    {
        TemplateLeaf leaf => GoTemplateTranslator.AsString(leaf),
        TemplateBranch b => $"{b.Condition} ? {Show(b.Then)} : {Show(b.Else)}",
        _ => throw new InvalidOperationException(),
    };

    [Fact]
    public void Collects_the_fields_it_reads()
    {
        var result = GoTemplateTranslator.Translate("{{.a}}-{{add .b .c}}-{{base .logfile}}");
        Assert.Equal(new[] { "a", "b", "c" }, result.Fields.Order());
    }
}
