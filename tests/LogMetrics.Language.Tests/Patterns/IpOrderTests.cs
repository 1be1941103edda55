using System.Text.RegularExpressions;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Language.Tests.Patterns;

/// <summary>The built-in IP tries IPv4 before IPv6 (logstash: IPv6 first) for speed; the two never match at one
/// position, so every match is the one logstash's order gives.</summary>
public sealed class IpOrderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lm-ip-order-").FullName;
    private readonly GrokLibrary _logstashOrder;

    public IpOrderTests()
    {
        File.WriteAllText(Path.Combine(_dir, "ip"), "IP (?:%{IPV6}|%{IPV4})\n");
        _logstashOrder = GrokLibrary.Default.WithPatternsFrom(_dir, out var errors);
        Assert.Empty(errors);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheBuiltInIpTriesIpv4First() => Assert.Equal("(?:%{IPV4}|%{IPV6})", GrokLibrary.Default.GetDefinition("IP"));

    [Theory]
    [InlineData("%{IP}")]
    [InlineData("^%{IP}$")]
    [InlineData("^%{IPORHOST:h}(?::%{POSINT:port})?$")]
    [InlineData("%{IPORHOST:client} %{WORD:w}")]
    [InlineData("from %{IP:a} to %{IP:b}")]
    public void MatchesAsWithLogstashsOrder(string pattern)
    {
        string[] inputs =
        [
            "1.2.3.4", "10.0.0.255:8080", "::1", "::", "::ffff:10.0.0.1", "fe80::1%eth0", "2001:db8::8a2e:370:7334",
            "1234:5678:9abc:def0:1234:5678:9abc:def0", "1:2:3:4:5:6:1.2.3.4", "1.2.3", "10.0.0.256", "1.2.3.4.5",
            "a1.b2 x", "12:34 x", "host-1.example.com:80", "abcd::12.34.56.78 y", "from 1.2.3.4 to ::2", "from ::2 to 1.2.3.4",
            "999.1.1.1", "01.02.03.04 z", "dead:beef x", "1.2.3.4 GET",
        ];
        var ours = Compile(pattern, GrokLibrary.Default);
        var theirs = Compile(pattern, _logstashOrder);
        foreach (var input in inputs)
        {
            var a = ours.Match(input);
            var b = theirs.Match(input);
            Assert.True(a.Success == b.Success, $"{pattern} on {input}");
            Assert.True(a.Value == b.Value && a.Index == b.Index, $"{pattern} on {input}: {a.Value} vs {b.Value}");
            for (var g = 1; g < a.Groups.Count; g++)
            {
                Assert.True(a.Groups[g].Value == b.Groups[g].Value, $"{pattern} on {input}, group {g}");
            }
        }
    }

    private static Regex Compile(string pattern, GrokLibrary library)
    {
        var translation = RegexTranslator.Translate(pattern, library);
        Assert.True(translation.Success, string.Join("; ", translation.Errors));
        return new Regex(translation.Pattern, translation.Options);
    }
}
