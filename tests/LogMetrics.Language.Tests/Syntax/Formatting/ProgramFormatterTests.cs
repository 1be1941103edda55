using LogMetrics.Language.Syntax;
using LogMetrics.Language.Tests.Support;

namespace LogMetrics.Language.Tests.Syntax.Formatting;

public sealed class ProgramFormatterTests
{
    /// <summary>Input and the canonical form it must become.</summary>
    public static TheoryData<string, string> Cases() => new()
    {
        { "counter   a_total  by x ,y\n", "counter a_total by x, y\n" },
        { "counter a\n/x/{a++}\n", "counter a\n/x/ {\n  a++\n}\n" },
        { "counter a\n\n\n\n/x/ {\n\n    a ++\n\n}\n\n\n", "counter a\n\n/x/ {\n  a++\n}\n" },
        { "counter a\n/x/ {\n  a++\n}\n\nelse {\n  a--\n}\n", "counter a\n/x/ {\n  a++\n} else {\n  a--\n}\n" },
        { "gauge g\n/(\\d+)/ {\n g = - $1 * ( 2 + 3 )\n}\n", "gauge g\n/(\\d+)/ {\n  g = -$1 * (2 + 3)\n}\n" },
        { "gauge g\n/(\\d+)/ {\n g = 1 - -1\n}\n", "gauge g\n/(\\d+)/ {\n  g = 1 - -1\n}\n" },
        { "counter c by a\n/(?P<a>x)/ {\n c [ $a ] ++\n}\n", "counter c by a\n/(?P<a>x)/ {\n  c[$a]++\n}\n" },
        { "counter c by a init [ \"x\" ] , [\"y\"]\n/(?P<a>x)/ {\n c[$a]++\n}\n", "counter c by a init [\"x\"], [\"y\"]\n/(?P<a>x)/ {\n  c[$a]++\n}\n" },
        { "# head\ncounter a # trailing   \n   # own line\n/x/ { # after brace\n a++ # after statement\n} # after close\n", "# head\ncounter a # trailing\n# own line\n/x/ { # after brace\n  a++ # after statement\n} # after close\n" },
        { "text t\n/(.*)/ {\n t = tolower ( $1 )\n strptime($1,\"2006\")\n}\n", "text t\n/(.*)/ {\n  t = tolower($1)\n  strptime($1, \"2006\")\n}\n" },
        { "counter a\ndef d {\n  /x/ {\n next\n }\n}\n@d {\n a++\n}\n", "counter a\ndef d {\n  /x/ {\n    next\n  }\n}\n@d {\n  a++\n}\n" },
        { "counter a\n/x/ +\n/y/ {\n a++\n}\n", "counter a\n/x/ +\n/y/ {\n  a++\n}\n" },
        { "counter a\n/x/ { a++ } /y/ { a-- }\n", "counter a\n/x/ {\n  a++\n}\n/y/ {\n  a--\n}\n" },
        { "counter a by k\n/(?P<k>x)/ {\n del a[$k] after 1h\n !($k == \"y\") {\n a[$k]++\n }\n}\n", "counter a by k\n/(?P<k>x)/ {\n  del a[$k] after 1h\n  !($k == \"y\") {\n    a[$k]++\n  }\n}\n" },
        { "histogram h buckets -1, 0.5 ,2\n/(\\d+)/ {\n h = $1\n}\n", "histogram h buckets -1, 0.5, 2\n/(\\d+)/ {\n  h = $1\n}\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WritesCanonicalForm(string input, string expected)
    {
        var result = ProgramFormatter.Format("t.rules", input);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(expected, result.Text);
        AssertRoundTrip(input);
    }

    [Fact]
    public void ProgramThatDoesNotParseIsNotFormatted()
    {
        var result = ProgramFormatter.Format("t.rules", "counter a\n/x/ {\n a++\n");
        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Code.StartsWith("LM1", StringComparison.Ordinal));
    }

    public static TheoryData<string> RepositoryAndMtailPrograms()
    {
        var data = new TheoryData<string>();
        var root = Repository.Root;
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".rules", StringComparison.Ordinal) || f.EndsWith(".mtail", StringComparison.Ordinal))
                                 && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        // The examples that ship with Debian's mtail (installed by .ci/install-deps.sh).
        foreach (var file in Directory.EnumerateFiles("/usr/share/doc/mtail/examples", "*.mtail").Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryAndMtailPrograms))]
    public void EveryProgramRoundTrips(string path)
    {
        var text = File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(Repository.Root, path));
        if (!Compiler.Compile("t.rules", text, new CompilerOptions()).Success)
        {
            // A program kept in the repository because it does not compile (a test input) must still not be changed.
            Assert.False(ProgramFormatter.Format("t.rules", text).Success && SyntaxTree.Parse("t.rules", text, []) is null);
            return;
        }

        AssertRoundTrip(text);
    }

    [Fact]
    public void MtailExamplesAreFound() =>
        Assert.True(Directory.EnumerateFiles("/usr/share/doc/mtail/examples", "*.mtail").Count() >= 10, "mtail's examples are missing: run .ci/install-deps.sh");

    /// <summary>fmt(x) parses, keeps every comment, binds to the same tree as x, and fmt(fmt(x)) == fmt(x).</summary>
    internal static void AssertRoundTrip(string text)
    {
        var once = ProgramFormatter.Format("t.rules", text);
        Assert.True(once.Success, string.Join("\n", once.Diagnostics));
        var twice = ProgramFormatter.Format("t.rules", once.Text!);
        Assert.True(twice.Success, string.Join("\n", twice.Diagnostics));
        Assert.Equal(once.Text, twice.Text);

        var comments = text.Split('\n').Select(l => l.Contains('#') ? l[l.IndexOf('#')..].TrimEnd() : null).Where(c => c is not null);
        foreach (var comment in comments.Where(c => !c!.Contains('/') && !c.Contains('"')))
        {
            Assert.Contains(comment!, once.Text);
        }

        var before = Compiler.Compile("t.rules", text, new CompilerOptions());
        var after = Compiler.Compile("t.rules", once.Text!, new CompilerOptions());
        Assert.Equal(before.Success, after.Success);
        Assert.Equal(before.Diagnostics.Select(d => d.Code), after.Diagnostics.Select(d => d.Code));
        Assert.Equal(BoundTreeDump.Dump(before.Program), BoundTreeDump.Dump(after.Program));
    }

}
