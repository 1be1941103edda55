using CsCheck;
using LogMetrics.Language.Syntax;

namespace LogMetrics.Language.Tests.Syntax.Formatting;

/// <summary>Property tests on generated programs: each is written twice with different spacing, indentation, blank lines
/// and line breaks; both must format to the same text, which parses, binds to the same tree and formats to itself.</summary>
public sealed class GeneratedProgramTests
{
    private const string Declarations = "counter c_total by k\ngauge g\ntext t\nhistogram h buckets 1, 2, 4\nconst P /(?P<k>[a-z]+) /\n";

    private static readonly string[][] s_statements =
    [
        ["c_total", "[", "$k", "]", "++"],
        ["c_total", "[", "$k", "]", "+=", "$n"],
        ["g", "=", "-", "$n", "*", "(", "2", "+", "$n", ")"],
        ["g", "=", "$n", "-", "-1"],
        ["g", "-=", "1"],
        ["t", "=", "tolower", "(", "$k", ")"],
        ["h", "=", "$n"],
        ["del", "c_total", "[", "$k", "]"],
        ["del", "c_total", "[", "$k", "]", "after", "1h"],
        ["strptime", "(", "$k", ",", "\"2006\"", ")"],
    ];

    private static readonly string[][] s_conditions =
    [
        ["$n", ">", "3"],
        ["$k", "==", "\"a\"", "&&", "$n", "<", "10"],
        ["!", "(", "$n", "==", "1", ")"],
        ["$k", "=~", "/^b/"],
    ];

    private sealed record Node(string[] Header, IReadOnlyList<Node> Body, IReadOnlyList<Node>? Else, bool Comment = false);

    private static Gen<Node> Statement => Gen.Int[0, s_statements.Length - 1].Select(i => new Node(s_statements[i], [], null));

    private static Gen<Node> CommentLine => Gen.Int[0, 99].Select(i => new Node([$"# note {i}"], [], null, Comment: true));

    private static Gen<Node> Inner(int depth)
    {
        var leaf = Gen.Frequency((6, Statement), (1, CommentLine), (1, Gen.Const(new Node(["stop"], [], null))));
        if (depth == 0)
        {
            return leaf;
        }

        var conditional = Gen.Select(Gen.Int[0, s_conditions.Length - 1], Inner(depth - 1).Array[0, 3], Inner(depth - 1).Array[0, 2], Gen.Bool)
            .Select((c, body, other, hasElse) => new Node([.. s_conditions[c], "{"], body, hasElse ? other : null));
        var otherwise = Inner(depth - 1).Array[1, 2].Select(body => new Node(["otherwise", "{"], body, null));
        return Gen.Frequency((5, leaf), (2, conditional), (1, otherwise));
    }

    private static Gen<Node> TopLevel => Gen.Frequency(
        (4, Inner(2).Array[0, 4].Select(body => new Node(["P", "+", "/(?P<n>\\d+)/", "{"], body, null))),
        (1, Gen.Const(new Node(["/^x/", "{"], [new Node(["g", "=", "1"], [], null)], [new Node(["g", "=", "2"], [], null)]))),
        (1, CommentLine));

    private static Gen<(Node[] Program, int SeedA, int SeedB)> Programs =>
        Gen.Select(TopLevel.Array[1, 6], Gen.Int, Gen.Int);

    [Fact]
    public void SpacingDoesNotChangeTheCanonicalForm() =>
        Programs.Sample(sample =>
        {
            var a = Render(sample.Program, new Random(sample.SeedA));
            var b = Render(sample.Program, new Random(sample.SeedB));
            var formattedA = ProgramFormatter.Format("t.rules", a);
            var formattedB = ProgramFormatter.Format("t.rules", b);
            Assert.True(formattedA.Success, a + "\n" + string.Join("\n", formattedA.Diagnostics));
            Assert.True(formattedB.Success, b + "\n" + string.Join("\n", formattedB.Diagnostics));
            Assert.Equal(formattedA.Text, formattedB.Text);
            ProgramFormatterTests.AssertRoundTrip(a);
        }, iter: 300);

    [ThreadStatic]
    private static int _lines;

    private static string Render(Node[] program, Random random)
    {
        _lines = 0;
        var text = new System.Text.StringBuilder(Declarations);
        foreach (var node in program)
        {
            Render(node, random, text);
        }

        return text.ToString();
    }

    private static void Render(Node node, Random random, System.Text.StringBuilder text)
    {
        string[] gaps = [" ", "  ", "\t", " "];
        text.Append(new string(' ', random.Next(0, 7)));
        text.Append(node.Comment ? node.Header[0] : string.Join("", node.Header.Select((t, i) => i == 0 ? t : gaps[random.Next(gaps.Length)] + t)));
        if (node.Header[^1] != "{")
        {
            EndLine(random, text);
            return;
        }

        EndLine(random, text);
        foreach (var child in node.Body)
        {
            Render(child, random, text);
        }

        text.Append(new string(' ', random.Next(0, 7))).Append('}');
        if (node.Else is not null)
        {
            text.Append(random.Next(3) == 0 ? "\n" : " ").Append("else {");
            EndLine(random, text);
            foreach (var child in node.Else)
            {
                Render(child, random, text);
            }

            text.Append('}');
        }

        EndLine(random, text);
    }

    private static void EndLine(Random random, System.Text.StringBuilder text)
    {
        // Comments are part of the program, so both renderings put them on the same lines (every fifth).
        if (++_lines % 5 == 0)
        {
            text.Append(" # trailing ").Append(_lines);
        }

        // Blank lines are kept (one at most), so they too sit on the same lines; how many varies.
        text.Append('\n', 1 + (_lines % 7 == 0 ? random.Next(1, 4) : 0));
    }
}
