using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using LogMetrics.Language.Patterns;
using LogMetrics.Lines;
using LogMetrics.Metrics;
using LogMetrics.Runtime;
using LogMetrics.Runtime.Execution;

namespace LogMetrics.Benchmarks;

/// <summary>Matching apache combined lines: the translated regex alone, the grok pattern, and the whole engine per line.</summary>
[MemoryDiagnoser]
public class MatcherBenchmarks
{
    private const int BatchLines = 1024;

    private Regex _apacheCombined = null!;
    private Regex _grokCombined = null!;
    private Engine _engine = null!;
    private LineBatch _batch = null!;

    /// <summary>The engine with plain patterns on SimpleMatcher (true, the default) or always on the regex.</summary>
    [Params(true, false)]
    public bool SimpleMatcher { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _apacheCombined = Compile(ApacheLines.ApacheCombinedPattern);
        _grokCombined = Compile("%{COMBINEDAPACHELOG}");

        _engine = new Engine(new MetricStore(), new EngineOptions { Parallel = false, SimpleMatcher = SimpleMatcher });
        var load = _engine.Load("apache_combined.mtail", ApacheLines.ApacheCombinedProgram);
        if (!load.Loaded)
        {
            throw new InvalidOperationException(string.Join('\n', load.Diagnostics));
        }

        var lines = Enumerable.Range(0, BatchLines).Select(i => ApacheLines.Lines[i % ApacheLines.Lines.Length]).ToArray();
        var text = string.Join('\n', lines);
        var starts = new int[lines.Length];
        var lengths = new int[lines.Length];
        for (int i = 0, at = 0; i < lines.Length; at += lines[i].Length + 1, i++)
        {
            starts[i] = at;
            lengths[i] = lines[i].Length;
        }

        _batch = new LineBatch("/var/log/access.log", text, starts, lengths, lines.Length, 0);
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark(OperationsPerInvoke = 8)]
    public int TranslatedApacheCombinedRegexPerLine() => CountMatches(_apacheCombined);

    [Benchmark(OperationsPerInvoke = 8)]
    public int GrokCombinedApacheLogPerLine() => CountMatches(_grokCombined);

    [Benchmark(OperationsPerInvoke = BatchLines)]
    public void EngineApacheCombinedProgramPerLine()
    {
        _engine.OnLines(_batch);
        _engine.Drain();
    }

    private static int CountMatches(Regex regex)
    {
        var matched = 0;
        foreach (var line in ApacheLines.Lines)
        {
            var match = regex.Match(line);
            if (match.Success)
            {
                matched += match.Groups.Count;
            }
        }

        return matched;
    }

    private static Regex Compile(string pattern)
    {
        var translation = RegexTranslator.Translate(pattern, GrokLibrary.Default);
        if (!translation.Success)
        {
            throw new InvalidOperationException($"{pattern}: {string.Join("; ", translation.Errors.Select(e => e.Message))}");
        }

        return new Regex(translation.Pattern, translation.Options | RegexOptions.Compiled);
    }
}
