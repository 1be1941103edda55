using LogMetrics.Language.Binding;

namespace LogMetrics.Language.Tests.Binding;

public sealed class BuiltinTableTests
{
    [Fact]
    public void EveryBuiltinHasOneSignatureInEnumOrder()
    {
        var builtins = Enum.GetValues<Builtin>();
        Assert.Equal(builtins.Length, BuiltinTable.All.Count);
        foreach (var builtin in builtins)
        {
            var signature = BuiltinTable.Of(builtin);
            Assert.Equal(builtin, signature.Builtin);
            Assert.Equal(builtin.ToString().ToLowerInvariant(), signature.Name);
            Assert.True(BuiltinTable.TryFind(signature.Name, out var found));
            Assert.Same(signature, found);
        }
    }

    public static TheoryData<string> Names() => new(BuiltinTable.All.Select(s => s.Name));

    /// <summary>The Binder takes the argument count from the table: one argument too many names the table's count.</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void TheBinderChecksTheArgumentCountOfTheTable(string name)
    {
        var expected = BuiltinTable.All.Single(s => s.Name == name).Parameters.Count;
        var arguments = string.Join(", ", Enumerable.Repeat("\"x\"", expected + 1));
        var compilation = Compiler.Compile("t.rules", $"counter c\n/(.)/ {{\n  {name}({arguments})\n  c++\n}}\n", new CompilerOptions());
        var diagnostic = Assert.Single(compilation.Diagnostics, d => d.Code == "LM2025");
        Assert.Contains($"{name}() takes {expected} argument{(expected == 1 ? "" : "s")}, got {expected + 1}", diagnostic.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Calls() => new()
    {
        { "len($1)", "Int" },
        { "strtol($1, 16)", "Int" },
        { "timestamp()", "Int" },
        { "parsetime($1, \"2006\")", "Float" },
        { "tolower($1)", "String" },
        { "basename($1)", "String" },
        { "getfilename()", "String" },
        { "subst(\"a\", \"b\", $1)", "String" },
        { "gsub($1, /a/, \"b\")", "String" },
        { "fail($1)", "None" },
    };

    /// <summary>A call's bound type is the table's result, which is the type mtail gives it.</summary>
    [Theory]
    [MemberData(nameof(Calls))]
    public void ACallHasTheResultTypeOfTheTable(string call, string type)
    {
        var compilation = Compiler.Compile("t.rules", $"counter c\n/(.+)/ {{\n  {call}\n  c++\n}}\n", new CompilerOptions());
        Assert.False(compilation.Diagnostics.Any(d => d.IsError), string.Join("\n", compilation.Diagnostics));
        var match = Assert.IsType<BoundConditionalStatement>(compilation.Program!.Body.Statements[0]);
        var statement = Assert.IsType<BoundExpressionStatement>(match.Then.Statements[0]);
        var bound = Assert.IsType<BoundCallExpression>(statement.Expression);
        Assert.Equal(type, bound.Type.ToString());
        Assert.Equal(BuiltinTable.Of(bound.Function).Result, bound.Type);
    }
}
