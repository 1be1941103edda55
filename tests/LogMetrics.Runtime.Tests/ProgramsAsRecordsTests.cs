using System.Text;
using System.Text.RegularExpressions;
using LogMetrics.Metrics.Exposition;
using LogMetrics.Runtime.Tests.Support;

namespace LogMetrics.Runtime.Tests;

/// <summary>The bundled multiline programs give the same metrics whether sample.log reaches them as lines (how
/// `logmetrics test` checks expected.prom) or as multi-line records with `\n` inside (how the multiline stage
/// hands them over, with the start rule their README gives).</summary>
public sealed partial class ProgramsAsRecordsTests
{
    [Theory]
    [InlineData("java_exceptions", 9)]
    [InlineData("postgresql_slow_queries", 11)]
    public void RecordsAndLinesGiveTheSameMetrics(string name, int expectedRecords)
    {
        var dir = Path.Combine(Repository.Root, "programs", name);
        var program = File.ReadAllText(Path.Combine(dir, name + ".rules"));
        var lines = File.ReadAllLines(Path.Combine(dir, "sample.log"));
        var records = GroupRecords(lines);
        Assert.Equal(expectedRecords, records.Count);
        Assert.Contains(records, r => r.Contains('\n', StringComparison.Ordinal));

        var byLine = Expose(name, program, lines);
        var byRecord = Expose(name, program, records);
        Assert.Contains("# TYPE", byLine, StringComparison.Ordinal);
        Assert.Equal(byLine, byRecord);
    }

    /// <summary>A record starts at a line that starts with a date (the README's `start:/^\d{4}-\d{2}-\d{2} /`).</summary>
    private static List<string> GroupRecords(IEnumerable<string> lines)
    {
        var records = new List<StringBuilder>();
        foreach (var line in lines)
        {
            if (records.Count == 0 || RecordStart().IsMatch(line))
            {
                records.Add(new StringBuilder(line));
            }
            else
            {
                records[^1].Append('\n').Append(line);
            }
        }

        return records.Select(r => r.ToString()).ToList();
    }

    private static string Expose(string name, string program, IEnumerable<string> input)
    {
        using var harness = new EngineHarness(name + ".rules", program);
        Assert.True(harness.Load.Loaded, string.Join("\n", harness.Load.Diagnostics));
        harness.Feed("sample.log", input);
        Assert.Empty(harness.Errors);
        using var output = new MemoryStream();
        PrometheusTextWriter.Write(output, harness.Store.Snapshot(), new ExpositionOptions());
        return Encoding.UTF8.GetString(output.ToArray());
    }


    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} ")]
    private static partial Regex RecordStart();
}
