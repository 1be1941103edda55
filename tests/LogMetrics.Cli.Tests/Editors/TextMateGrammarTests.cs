namespace LogMetrics.Cli.Tests.Editors;

/// <summary>Runs editors/textmate/test/tokenize.js: every program in the repository tokenized by vscode-textmate with
/// the grammar, and spot checks of scopes (node_modules installed by .ci/install-deps.sh).</summary>
public sealed class TextMateGrammarTests
{
    [Fact]
    public async Task EveryProgramTokenizesWithoutError()
    {
        var directory = Repository.PathOf("editors", "textmate");
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules", "vscode-textmate")), "run .ci/install-deps.sh: editors/textmate/node_modules is missing");
        var result = await CommandRunner.RunAsync("node", ["test/tokenize.js"], workingDirectory: directory);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^ok: \d+ programs, \d+ lines tokenized", result.Stdout);
    }

    [Fact]
    public void The_grammar_highlights_every_builtin_of_the_language()
    {
        using var grammar = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repository.PathOf("editors", "textmate", "rules.tmLanguage.json")));
        var builtins = Descendants(grammar.RootElement)
            .Where(e => e.ValueKind == System.Text.Json.JsonValueKind.Object && e.TryGetProperty("name", out var name) && name.GetString() == "support.function.builtin.rules")
            .Select(e => e.GetProperty("match").GetString()!)
            .Single();
        var names = System.Text.RegularExpressions.Regex.Match(builtins, @"^\\b\((?<names>[a-z|]+)\)").Groups["names"].Value.Split('|');

        Assert.Equal(LogMetrics.Language.Binding.BuiltinTable.CallableNames, names.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<System.Text.Json.JsonElement> Descendants(System.Text.Json.JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            System.Text.Json.JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children.SelectMany(Descendants))
        {
            yield return child;
        }
    }
}
