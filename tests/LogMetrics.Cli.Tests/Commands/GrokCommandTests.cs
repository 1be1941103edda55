using System.Text.Json;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Commands;

public sealed class GrokCommandTests
{
    [Fact]
    public async Task PrintsOneJsonLinePerInputLine()
    {
        var result = await LogMetricsCli.RunAsync(
            ["grok", @"^%{WORD:method} (?P<path>\S+)( (?P<size>\d+))?$"],
            stdin: "GET /index.html 512\nnot matching at all!\nPOST /form\n");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);

        using var first = JsonDocument.Parse(lines[0]);
        Assert.True(first.RootElement.GetProperty("match").GetBoolean());
        var captures = first.RootElement.GetProperty("captures");
        Assert.Equal("GET", captures.GetProperty("method").GetString());
        Assert.Equal("/index.html", captures.GetProperty("path").GetString());
        Assert.Equal("512", captures.GetProperty("size").GetString());

        using var second = JsonDocument.Parse(lines[1]);
        Assert.False(second.RootElement.GetProperty("match").GetBoolean());
        Assert.Empty(second.RootElement.GetProperty("captures").EnumerateObject());

        using var third = JsonDocument.Parse(lines[2]);
        Assert.True(third.RootElement.GetProperty("match").GetBoolean());
        Assert.False(third.RootElement.GetProperty("captures").TryGetProperty("size", out _));
    }

    [Fact]
    public async Task NameCapturedTwiceKeepsItsLastNonEmptyValue()
    {
        var result = await LogMetricsCli.RunAsync(["grok", "^(%{WORD:x})?-(%{WORD:x})?$"], stdin: "a-\na-b\n");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("a", first.RootElement.GetProperty("captures").GetProperty("x").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("b", second.RootElement.GetProperty("captures").GetProperty("x").GetString());
    }

    [Fact]
    public async Task A_match_that_times_out_is_an_error_not_a_miss()
    {
        // Catastrophic backtracking on the long line; the short line answers at once.
        var longLine = new string('a', 5000) + "!";
        var result = await LogMetricsCli.RunAsync(["grok", "^(a|aa)+$", "--match-timeout", "100ms"], stdin: "aaaa\n" + longLine + "\n");
        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.True(first.RootElement.GetProperty("match").GetBoolean());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.True(second.RootElement.GetProperty("timed_out").GetBoolean());
        Assert.Contains("stdin:2: error: the match timed out", result.Stderr);
    }

    [Fact]
    public async Task PatternErrorIsReportedWithItsColumn()
    {
        var result = await LogMetricsCli.RunAsync(["grok", "abc(def"], stdin: "");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"pattern:1:\d+: error LM3\d{3}: ", result.Stderr);
        Assert.Contains("abc(def", result.Stderr);
        Assert.Matches(@"\n\s*\^~*\n", result.Stderr);
    }

    [Fact]
    public async Task UnknownGrokNameIsAnError()
    {
        var result = await LogMetricsCli.RunAsync(["grok", "%{NO_SUCH_PATTERN:x}"], stdin: "");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("NO_SUCH_PATTERN", result.Stderr);
    }

    [Fact]
    public async Task PatternsDirectoryAddsNames()
    {
        using var dir = new TempDirectory();
        dir.Write("patterns/extra", "# mine\nTICKET [A-Z]+-[0-9]+\n");
        var result = await LogMetricsCli.RunAsync(["grok", "%{TICKET:ticket}", "--grok-patterns", dir["patterns"]], stdin: "fixes ABC-123\n");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"ticket\":\"ABC-123\"", result.Stdout);
    }

    [Fact]
    public async Task JsonIsReadableWithoutUnicodeEscapes()
    {
        var result = await LogMetricsCli.RunAsync(["grok", @"^(?P<op>\S+) (?P<text>.*)$"], stdin: "+ <a href='x'>&amp; été\n");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"op\":\"+\"", result.Stdout);
        Assert.Contains("<a href='x'>&amp; été", result.Stdout);
        Assert.DoesNotContain("\\u", result.Stdout);
    }

    [Fact]
    public async Task TypedCapturesAreJsonNumbers()
    {
        var result = await LogMetricsCli.RunAsync(["grok", "^%{NUMBER:n:int} %{NUMBER:f:float} %{NUMBER:s}$"], stdin: "-42 2.5 7\n");
        Assert.True(result.ExitCode == 0, result.ToString());
        var captures = JsonDocument.Parse(result.Stdout.Trim()).RootElement.GetProperty("captures");
        Assert.Equal(JsonValueKind.Number, captures.GetProperty("n").ValueKind);
        Assert.Equal(-42, captures.GetProperty("n").GetInt64());
        Assert.Equal(2.5, captures.GetProperty("f").GetDouble());
        Assert.Equal("7", captures.GetProperty("s").GetString());
    }

    [Fact]
    public async Task InlinePatternDefinitionsAreUsable()
    {
        var result = await LogMetricsCli.RunAsync(
            ["grok", "%{TICKET:ticket} by %{USER_ID:user}", "--pattern-def", "TICKET [A-Z]+-%{INT}", "--pattern-def", "USER_ID u[0-9]+"],
            stdin: "fixes ABC-123 by u42\n");
        Assert.True(result.ExitCode == 0, result.ToString());
        var captures = JsonDocument.Parse(result.Stdout.Trim()).RootElement.GetProperty("captures");
        Assert.Equal("ABC-123", captures.GetProperty("ticket").GetString());
        Assert.Equal("u42", captures.GetProperty("user").GetString());
    }

    [Theory]
    [InlineData("NOSPACE", "expected 'NAME REGEX'")]
    [InlineData("BAD-NAME x", "invalid pattern name 'BAD-NAME'")]
    [InlineData("BROKEN a(b", "BROKEN: LM3")]
    public async Task BadInlinePatternDefinitionsAreUsageErrors(string definition, string message)
    {
        var result = await LogMetricsCli.RunAsync(["grok", "x", "--pattern-def", definition], stdin: "");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }
}
