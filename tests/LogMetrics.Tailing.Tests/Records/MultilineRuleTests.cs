using LogMetrics.Tailing.Records;

namespace LogMetrics.Tailing.Tests.Records;

public sealed class MultilineRuleTests
{
    [Theory]
    [InlineData("/var/log/app/*.log=start:/^\\d{4}-/", "/var/log/app/*.log", MultilineMode.Start, "^\\d{4}-", 500, 1048576, 1000)]
    [InlineData("start:/^\\S/", null, MultilineMode.Start, "^\\S", 500, 1048576, 1000)]
    [InlineData("*.log=continue:/^\\s/,max_lines=20,max_bytes=64KiB,timeout=250ms", "*.log", MultilineMode.Continue, "^\\s", 20, 65536, 250)]
    [InlineData("-=continue:/^(at|\\.\\.\\.) /,max_bytes=2MiB,timeout=2s", "-", MultilineMode.Continue, "^(at|\\.\\.\\.) ", 500, 2097152, 2000)]
    [InlineData("a=b.log=start:/x=y,z/", "a=b.log", MultilineMode.Start, "x=y,z", 500, 1048576, 1000)]
    [InlineData("start:/^<\\/?record>/", null, MultilineMode.Start, "^</?record>", 500, 1048576, 1000)]
    public void Valid_specs(string text, string? glob, MultilineMode mode, string pattern, int maxLines, int maxBytes, int timeoutMs)
    {
        Assert.True(MultilineRule.TryParse(text, out var rule, out var error), error);
        Assert.Equal(glob, rule!.Glob);
        Assert.Equal(mode, rule.Mode);
        Assert.Equal(pattern, rule.Pattern);
        Assert.Equal(maxLines, rule.MaxLines);
        Assert.Equal(maxBytes, rule.MaxBytes);
        Assert.Equal(TimeSpan.FromMilliseconds(timeoutMs), rule.FlushTimeout);
    }

    [Theory]
    [InlineData("*.log", "is not a multiline spec")]
    [InlineData("*.log=first:/x/", "is not a multiline spec")]
    [InlineData("*.log=start:x", "between slashes")]
    [InlineData("*.log=start:/x", "between slashes")]
    [InlineData("*.log=start:/x/y", "between slashes")]
    [InlineData("*.log=start:/(/", "is not valid")]
    [InlineData("*.log=start:/(a)\\1/", "linear time")]
    [InlineData("*.log=start:/(?=a)/", "linear time")]
    [InlineData("*.log=start:/x/,max_lines=0", "'max_lines=0' is not an option")]
    [InlineData("*.log=start:/x/,max_lines=-3", "'max_lines=-3' is not an option")]
    [InlineData("*.log=start:/x/,max_bytes=1GB", "'max_bytes=1GB' is not an option")]
    [InlineData("*.log=start:/x/,timeout=soon", "'timeout=soon' is not an option")]
    [InlineData("*.log=start:/x/,maxlines=3", "'maxlines=3' is not an option")]
    public void Invalid_specs_say_what_is_wrong(string text, string message)
    {
        Assert.False(MultilineRule.TryParse(text, out var rule, out var error));
        Assert.Null(rule);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/var/log/*.log=start:/x/", "/var/log/app.log", true)]
    [InlineData("/var/log/*.log=start:/x/", "/var/log/sub/app.log", false)]
    [InlineData("/var/log/**/*.log=start:/x/", "/var/log/sub/app.log", true)]
    [InlineData("-=start:/x/", "-", true)]
    [InlineData("-=start:/x/", "/var/log/app.log", false)]
    [InlineData("start:/x/", "/anything", true)]
    public void A_rule_applies_to_the_sources_its_glob_matches(string text, string source, bool applies)
    {
        Assert.True(MultilineRule.TryParse(text, out var rule, out var error), error);
        Assert.Equal(applies, rule!.AppliesTo(source));
    }
}
