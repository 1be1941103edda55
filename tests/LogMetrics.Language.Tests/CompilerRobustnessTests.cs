using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Tests;

/// <summary>The compiler never throws on user input: mangled versions of real programs give diagnostics, not exceptions.</summary>
public sealed class CompilerRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", "[", "]", "/", "//", "/(/", "\"", "$", "$1", "$name", "++", "--", "=~", "!~", "+=", "-=",
        "counter", "gauge", "histogram x buckets", "by", "as", "limit", "const", "def", "next", "@", "otherwise", "else",
        "del", "after", "stop", "strptime(", "%{", "%{NOPE}", "%{INT:x:int}", "(?P<", "\\", "\n", "\t", "\0", "\uFFFF",
        "1e309", "99999999999999999999", "0x", "1h", "**", "<<", "~", "!", "&&", "||", "#", "\"\\", "hidden", "text",
    ];

    public static TheoryData<string> ExamplePrograms()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles("/usr/share/doc/mtail/examples", "*.mtail").Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExamplePrograms))]
    public void MangledProgramsGiveDiagnosticsNotExceptions(string path)
    {
        var original = File.ReadAllText(path);
        var random = new Random(path.Length * 7919);
        var options = new CompilerOptions { Grok = GrokLibrary.Default };
        for (var round = 0; round < 100; round++)
        {
            var text = Mangle(original, random);
            var compilation = Compiler.Compile("mangled.mtail", text, options);
            foreach (var diagnostic in compilation.Diagnostics)
            {
                Assert.True(diagnostic.Span.Line >= 1 && diagnostic.Span.Column >= 1, $"bad position in {diagnostic} for:\n{text}");
            }
        }
    }

    [Fact]
    public void EmptyAndHugeInputsCompile()
    {
        var options = new CompilerOptions { Grok = GrokLibrary.Default };
        Assert.Empty(Compiler.Compile("empty.mtail", "", options).Diagnostics);
        var deep = new string('(', 5000) + "1" + new string(')', 5000);
        Compiler.Compile("deep.mtail", "gauge g\n/x/ {\n  g = " + deep + "\n}\n", options);
        Compiler.Compile("long.mtail", "counter c\n/" + new string('a', 100_000) + "/ {\n  c++\n}\n", options);
    }

    private static string Mangle(string text, Random random)
    {
        var chars = text.ToList();
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits && chars.Count > 0; i++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0:
                    chars.RemoveRange(at, Math.Min(random.Next(1, 8), chars.Count - at));
                    break;
                case 1:
                    chars.InsertRange(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                default:
                    (chars[at], chars[random.Next(chars.Count)]) = (chars[random.Next(chars.Count)], chars[at]);
                    break;
            }
        }

        return new string(chars.ToArray());
    }
}
