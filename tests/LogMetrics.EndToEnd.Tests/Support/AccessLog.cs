using System.Globalization;
using System.Text.RegularExpressions;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>Reads what nginx wrote: the ground truth every count is compared with.</summary>
internal static partial class AccessLog
{
    public static int CountLines(params string[] paths) =>
        paths.Where(File.Exists).Sum(path => ReadLines(path).Count());

    /// <summary>The request ids of the traffic generator's paths, in file order.</summary>
    public static IReadOnlyList<long> RequestIds(string path) =>
        ReadLines(path)
            .Select(line => RequestId().Match(line))
            .Where(m => m.Success)
            .Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>Waits until nginx has logged every request it answered: it writes the line after sending the response.</summary>
    public static Task<int> WaitForLinesAsync(int expected, params string[] paths) =>
        Poll.UntilAsync(
            $"{expected} lines in {string.Join(" + ", paths)}",
            () => Task.FromResult(CountLines(paths)),
            count => count >= expected,
            TimeSpan.FromSeconds(15));

    // Shared read so nginx can keep appending; only whole lines count.
    private static IEnumerable<string> ReadLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var end = text.LastIndexOf('\n');
        if (end < 0)
        {
            yield break;
        }

        foreach (var line in text[..end].Split('\n'))
        {
            yield return line;
        }
    }

    [GeneratedRegex("\"GET /(?:r|missing)/(\\d+) ")]
    private static partial Regex RequestId();
}
