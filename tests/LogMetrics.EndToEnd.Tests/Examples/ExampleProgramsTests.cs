using System.Text.RegularExpressions;
using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Examples;

/// <summary>Every program an example names exists and compiles with `logmetrics check`.</summary>
public sealed partial class ExampleProgramsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_program_the_examples_name_compiles()
    {
        var examples = Directory.EnumerateFiles(Repository.PathOf("examples"), "*", SearchOption.AllDirectories);
        var named = examples
            .SelectMany(file => ProgramReference().Matches(File.ReadAllText(file)).Select(m => (file, reference: m.Value)))
            .ToList();
        output.WriteLine(string.Join('\n', named.Select(n => $"{Path.GetRelativePath(Repository.Root, n.file)}: {n.reference}")));
        Assert.Contains(named, n => n.reference.StartsWith("programs/nginx/", StringComparison.Ordinal) || n.reference == "programs/nginx");
        Assert.Contains(named, n => n.reference.StartsWith("programs/apache_combined", StringComparison.Ordinal));

        var programs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (file, reference) in named)
        {
            var path = Repository.PathOf(reference);
            if (Directory.Exists(path))
            {
                var rules = Directory.GetFiles(path, "*.rules");
                Assert.True(rules.Length > 0, $"{file}: {reference} holds no .rules program");
                programs.UnionWith(rules);
            }
            else
            {
                Assert.True(File.Exists(path), $"{file}: {reference} does not exist");
                programs.Add(path);
            }
        }

        var result = await LogMetricsCli.RunAsync(["check", .. programs]);
        output.WriteLine(result.ToString());
        Assert.Equal(0, result.ExitCode);
    }

    // A repository path such as programs/nginx/nginx.rules or ../../programs/nginx (the ../ are dropped).
    [GeneratedRegex(@"(?<=^|[\s""'`=:(/.])programs/[A-Za-z0-9_]+(?:/[A-Za-z0-9_.-]+\.rules)?")]
    private static partial Regex ProgramReference();
}
