using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace LogMetrics.Runtime.Matching;

/// <summary>
/// A second <see cref="Regex"/> object over another's compiled code. A regex keeps one runner, so two threads matching
/// with one instance keep building new runners; each thread needs its own instance. A second
/// <c>new Regex(pattern, Compiled)</c> would parse, emit and JIT-compile the same code again: for apache_combined's
/// pattern tens of milliseconds on the prematcher's first batch, while the program's thread waits for the first line the
/// prematcher holds. The twin is built the way the regex source generator builds its regexes (the protected fields
/// <c>pattern</c>, <c>roptions</c>, <c>factory</c>, <c>capsize</c>, <c>caps</c>, <c>capnames</c>, <c>capslist</c>,
/// <c>internalMatchTimeout</c>), with the source's runner factory, so it has a runner of its own and shares the compiled
/// code. A startup probe compares a twin's matches with its source's; if it disagrees or a field is missing, twins are
/// compiled from the pattern like any regex.
/// </summary>
internal sealed class RegexTwin : Regex
{
    /// <summary>True when twins share their source's code (the probe agreed).</summary>
    internal static readonly bool Shared = Probe();

    private RegexTwin(Regex source)
    {
        pattern = source.ToString();
        roptions = source.Options;
        internalMatchTimeout = source.MatchTimeout;
        factory = FactoryOf(source);
        capsize = CapSizeOf(source);
        caps = CapsOf(source);
        capnames = CapNamesOf(source);
        capslist = CapsListOf(source);
    }

    /// <summary>A regex that matches exactly as <paramref name="source"/> and can run on another thread at the same time.</summary>
    public static Regex Of(Regex source) =>
        Shared ? new RegexTwin(source) : new Regex(source.ToString(), source.Options, source.MatchTimeout);

    private static bool Probe()
    {
        try
        {
            var source = new Regex(@"^(?<word>[a-z]+) (\d+)?(?:x|(?<tail>y+))$", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
            var twin = new RegexTwin(source);
            string[] lines = ["abc 12x", "abc yy", "abc 1", "ABC 12x", "zz 3yyy"];
            foreach (var line in lines)
            {
                var expected = source.Match(line);
                var got = twin.Match(line);
                if (expected.Success != got.Success || expected.Groups.Count != got.Groups.Count)
                {
                    return false;
                }

                for (var g = 0; g < expected.Groups.Count; g++)
                {
                    if (expected.Groups[g].Success != got.Groups[g].Success || expected.Groups[g].Value != got.Groups[g].Value
                        || expected.Groups[g].Name != got.Groups[g].Name)
                    {
                        return false;
                    }
                }
            }

            return twin.MatchTimeout == source.MatchTimeout && twin.GroupNumberFromName("tail") == source.GroupNumberFromName("tail");
        }
        catch (Exception)
        {
            // MissingFieldException: a runtime whose Regex is laid out differently.
            return false;
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "factory")]
    private static extern ref RegexRunnerFactory? FactoryOf(Regex regex);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "capsize")]
    private static extern ref int CapSizeOf(Regex regex);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "caps")]
    private static extern ref Hashtable? CapsOf(Regex regex);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "capnames")]
    private static extern ref Hashtable? CapNamesOf(Regex regex);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "capslist")]
    private static extern ref string[]? CapsListOf(Regex regex);
}
