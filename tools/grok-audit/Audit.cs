#:project ../../src/LogMetrics.Language/LogMetrics.Language.csproj
#:property PublishAot=false
// LogMetrics' grok against the oracle's results (oracle.rb): runs every pattern of PATTERNS_JSON over every input of
// INPUTS_JSON with the built-in library and prints each pair whose match or captures differ, then a summary.
// usage: dotnet run Audit.cs PATTERNS_JSON INPUTS_JSON ORACLE_RESULTS_JSONL
using System.Text.Json;
using System.Text.RegularExpressions;
using LogMetrics.Language.Patterns;

var patterns = JsonSerializer.Deserialize<string[]>(File.ReadAllText(args[0]))!;
var inputs = JsonSerializer.Deserialize<string[]>(File.ReadAllText(args[1]))!;
var regexes = new (Regex Regex, RegexTranslation Translation)?[patterns.Length];
for (var p = 0; p < patterns.Length; p++)
{
    var translation = RegexTranslator.Translate(patterns[p], GrokLibrary.Default);
    if (!translation.Success)
    {
        Console.WriteLine($"{patterns[p]}: does not translate: {string.Join("; ", translation.Errors)}");
        continue;
    }

    // As logstash: Ruby's MULTILINE makes '.' match '\n'; Ruby's ^ and $ are line anchors.
    regexes[p] = (new Regex(translation.Pattern, translation.Options | RegexOptions.Singleline | RegexOptions.Multiline, TimeSpan.FromSeconds(5)), translation);
}

var pairs = 0;
var differences = new Dictionary<string, int>(StringComparer.Ordinal);
foreach (var line in File.ReadLines(args[2]))
{
    using var doc = JsonDocument.Parse(line);
    var root = doc.RootElement;
    var p = root.GetProperty("p").GetInt32();
    var input = inputs[root.GetProperty("i").GetInt32()];
    var expected = root.GetProperty("c").EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetString()!, StringComparer.Ordinal);
    pairs++;
    if (regexes[p] is not { } compiled)
    {
        continue;
    }

    var actual = GrokDebugger.Match(compiled.Regex, compiled.Translation, input);
    var same = !actual.TimedOut && actual.Success == root.GetProperty("m").GetBoolean() && actual.Captures.Count == expected.Count
        && expected.All(e => actual.Captures.GetValueOrDefault(e.Key) == e.Value);
    if (same)
    {
        continue;
    }

    differences[patterns[p]] = differences.GetValueOrDefault(patterns[p]) + 1;
    if (differences[patterns[p]] <= 3)
    {
        Console.WriteLine($"{patterns[p]} on {JsonSerializer.Serialize(input)}: logstash {line} | LogMetrics match={actual.Success} timed_out={actual.TimedOut} {JsonSerializer.Serialize(actual.Captures)}");
    }
}

Console.WriteLine($"{pairs} pairs of {patterns.Length} patterns x {inputs.Length} inputs; {differences.Values.Sum()} differ, in {differences.Count} patterns: {string.Join(", ", differences.Select(d => $"{d.Key} ({d.Value})"))}");
return differences.Count == 0 ? 0 : 1;
