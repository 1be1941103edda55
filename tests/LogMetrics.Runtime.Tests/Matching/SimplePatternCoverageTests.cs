using System.Text;
using LogMetrics.Language;
using LogMetrics.Metrics.Exposition;
using LogMetrics.Runtime.Matching;
using LogMetrics.Runtime.Tests.Support;

namespace LogMetrics.Runtime.Tests.Matching;

/// <summary>Which programs' patterns run on <see cref="SimpleMatcher"/>, and that a program's metrics are the same on it
/// as on the regex.</summary>
public sealed class SimplePatternCoverageTests
{
    /// <summary>Programs whose every pattern is plain (lookaround, \b, flags and repeats of a group that can match empty
    /// keep a pattern on the regex).</summary>
    [Theory]
    [InlineData("mtail", "apache_combined.mtail")]
    [InlineData("mtail", "apache_common.mtail")]
    [InlineData("mtail", "apache_metrics.mtail")]
    [InlineData("mtail", "dhcpd.mtail")]
    [InlineData("mtail", "lighttpd.mtail")]
    [InlineData("mtail", "linecount.mtail")]
    [InlineData("mtail", "postfix.mtail")]
    [InlineData("mtail", "rsyncd.mtail")]
    [InlineData("programs", "nginx/nginx.rules")]
    [InlineData("programs", "ingress_nginx/ingress_nginx.rules")]
    [InlineData("programs", "caddy/caddy.rules")]
    [InlineData("programs", "traefik/traefik.rules")]
    public void EveryPatternOfTheProgramIsPlain(string where, string program)
    {
        var path = where == "mtail" ? Path.Combine(SharedPaths.MtailExamples, program) : Repository.PathOf(where, program);
        var compilation = Compiler.Compile(Path.GetFileName(path), File.ReadAllText(path), new CompilerOptions());
        Assert.NotNull(compilation.Program);
        Assert.NotEmpty(compilation.Program.Patterns);
        foreach (var pattern in compilation.Program.Patterns)
        {
            var capturing = pattern.Translation.CapturingOnly(pattern.ReadGroups);
            Assert.True(SimplePattern.TryRead(capturing.Pattern, pattern.Translation.Options) is not null, capturing.Pattern);
        }
    }

    public static TheoryData<string> Programs() =>
        [.. Directory.GetDirectories(Repository.PathOf("programs")).Where(d => File.Exists(Path.Combine(d, "sample.log"))).Select(d => Path.GetFileName(d))];

    [Theory]
    [MemberData(nameof(Programs))]
    public void ASampleGivesTheSameMetricsOnTheMatcherAsOnTheRegex(string name)
    {
        var directory = Repository.PathOf("programs", name);
        var program = Directory.GetFiles(directory, "*.rules").Single();
        var simple = Exposition(program, new EngineOptions { SyslogUseCurrentYear = false });
        var regex = Exposition(program, new EngineOptions { SyslogUseCurrentYear = false, SimpleMatcher = false });
        Assert.NotEmpty(simple);
        Assert.Equal(regex, simple);
    }

    private static string Exposition(string program, EngineOptions options)
    {
        using var harness = new EngineHarness(Path.GetFileName(program), File.ReadAllText(program), options);
        Assert.True(harness.Load.Loaded, string.Join("\n", harness.Load.Diagnostics));
        harness.FeedFile(Path.Combine(Path.GetDirectoryName(program)!, "sample.log"));
        using var stream = new MemoryStream();
        PrometheusTextWriter.Write(stream, harness.Store.Snapshot(), new ExpositionOptions());
        return Encoding.UTF8.GetString(stream.ToArray()) + string.Join("\n", harness.Errors.Select(e => e.Message));
    }
}
