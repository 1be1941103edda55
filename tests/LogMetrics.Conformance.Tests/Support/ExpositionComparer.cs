using System.Globalization;

namespace LogMetrics.Conformance.Tests.Support;

/// <summary>
/// Compares two expositions the way a Prometheus server would see them: the same series with equal values
/// (floats within a relative 1e-9), and for families both expose, the same TYPE and HELP.
/// </summary>
internal static class ExpositionComparer
{
    public const double RelativeTolerance = 1e-9;

    /// <summary>Every difference, one readable line each; empty when the expositions agree.</summary>
    public static IReadOnlyList<string> Compare(PrometheusExposition expected, PrometheusExposition actual, string expectedName = "mtail", string actualName = "logmetrics")
    {
        var differences = new List<string>();
        foreach (var family in expected.Types.Keys.Intersect(actual.Types.Keys).Order(StringComparer.Ordinal))
        {
            if (expected.Types[family] != actual.Types[family])
            {
                differences.Add($"TYPE of {family}: {expectedName} {expected.Types[family]}, {actualName} {actual.Types[family]}");
            }
        }

        foreach (var family in expected.Help.Keys.Intersect(actual.Help.Keys).Order(StringComparer.Ordinal))
        {
            if (expected.Help[family] != actual.Help[family])
            {
                differences.Add($"HELP of {family}: {expectedName} \"{expected.Help[family]}\", {actualName} \"{actual.Help[family]}\"");
            }
        }

        foreach (var family in expected.Types.Keys.Except(actual.Types.Keys).Order(StringComparer.Ordinal))
        {
            if (HasSamples(actual, family))
            {
                differences.Add($"no TYPE line for {family} in {actualName} (expected {expected.Types[family]})");
            }
        }

        foreach (var (key, sample) in expected.Samples.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!actual.Samples.TryGetValue(key, out var other))
            {
                differences.Add($"missing in {actualName}: {key} {Format(sample.Value)}");
            }
            else if (!ValuesEqual(sample.Value, other.Value))
            {
                differences.Add($"value of {key}: {expectedName} {Format(sample.Value)}, {actualName} {Format(other.Value)}");
            }
        }

        foreach (var (key, sample) in actual.Samples.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!expected.Samples.ContainsKey(key))
            {
                differences.Add($"extra in {actualName}: {key} {Format(sample.Value)}");
            }
        }

        return differences;
    }

    public static bool ValuesEqual(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.IsNaN(a) && double.IsNaN(b);
        }

        if (double.IsInfinity(a) || double.IsInfinity(b))
        {
            return a == b;
        }

        return a == b || Math.Abs(a - b) <= RelativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b));
    }

    private static bool HasSamples(PrometheusExposition exposition, string family) =>
        exposition.Samples.Values.Any(s => s.Name == family || s.Name.StartsWith(family + "_", StringComparison.Ordinal));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
