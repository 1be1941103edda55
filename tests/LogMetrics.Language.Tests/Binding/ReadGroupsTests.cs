using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Tests.Binding;

/// <summary>The binder records which groups of each pattern the program reads, so the others need not capture.</summary>
public sealed class ReadGroupsTests
{
    public static TheoryData<string, int[]?[]> Cases => new()
    {
        { "counter c\n/(a)(b)(c)/ { c++ }\n", [[]] },
        { "counter c by x\n/(a)(b)(c)/ { c[$2]++ }\n", [[2]] },
        { "counter c by x\n/(?P<x>a)(b)(?P<x>c)/ { c[$x]++ }\n", [[1, 3]] },
        { "counter c\n/(a)(b)/ { $1 == \"a\" { c++ } }\n", [[1]] },
        { "text t\n/(a)(?P<w>b)?/ { t = $0\n  t = $w }\n", [[0, 2]] },
        // Nested patterns: an inner block may read the outer pattern's captures.
        { "counter c by x, y\n/(?P<o>a)(b)/ {\n  /(c)(?P<i>d)/ {\n    c[$o][$i]++\n  }\n}\n", [[1], [2]] },
        // subst()'s pattern is left as written.
        { "text t\n/(a)/ { t = subst(/(x)(y)/, \"z\", $1) }\n", [[1], null] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadGroupsPerPattern(string text, int[]?[] expected)
    {
        var compilation = Compiler.Compile("t.mtail", text, new CompilerOptions { Grok = GrokLibrary.Default });

        Assert.True(compilation.Success, string.Join("\n", compilation.Diagnostics));
        var patterns = compilation.Program!.Patterns;
        Assert.Equal(expected.Length, patterns.Count);
        for (var i = 0; i < patterns.Count; i++)
        {
            Assert.Equal(expected[i]?.Order(), patterns[i].ReadGroups?.Order());
        }
    }
}
