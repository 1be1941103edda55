using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Outputs;

/// <summary>--textfile and --remote-write.* options that cannot work are refused up front with a usage error.</summary>
public sealed class OutputOptionsTests
{
    [Theory]
    [InlineData("--remote-write.url|ftp://x/push", "is not an http:// or https:// URL")]
    [InlineData("--remote-write.url|not a url", "is not an http:// or https:// URL")]
    [InlineData("--remote-write.interval|1s", "--remote-write.interval needs --remote-write.url")]
    [InlineData("--remote-write.url|http://127.0.0.1:1/w|--remote-write.external-label|nolabel", "is not NAME=VALUE")]
    [InlineData("--remote-write.url|http://127.0.0.1:1/w|--remote-write.external-label|__name__=x", "is not NAME=VALUE")]
    [InlineData("--remote-write.url|http://127.0.0.1:1/w|--remote-write.external-label|a=1|--remote-write.external-label|a=2", "is not NAME=VALUE")]
    [InlineData("--remote-write.url|http://127.0.0.1:1/w|--remote-write.bearer-token-file|/nonexistent/token", "'/nonexistent/token' does not exist")]
    [InlineData("--remote-write.url|http://127.0.0.1:1/w|--remote-write.basic-auth.password-file|/etc/hostname", "needs --remote-write.basic-auth.username")]
    [InlineData("--remote-write.url|http://127.0.0.1:1/w|--remote-write.tls.cert-file|/etc/hostname", "go together")]
    [InlineData("--remote-write.url|http://127.0.0.1:1/w|--remote-write.queue-capacity|0", "must be at least 1")]
    [InlineData("--remote-write.url|http://127.0.0.1:1/w|--remote-write.interval|0s", "must be above 0")]
    [InlineData("--textfile.interval|0s", "--textfile.interval must be above 0")]
    [InlineData("--one-shot|--remote-write.url|http://127.0.0.1:1/w", "--remote-write.url pushes from the daemon")]
    [InlineData("--one-shot|--textfile|out.prom|--format|json", "--textfile is written in the Prometheus text format")]
    public async Task Refused_with_a_usage_error(string arguments, string message)
    {
        using var dir = new TempDirectory();
        var program = dir.Write("p.rules", "counter c\n/x/ { c++ }\n");
        var log = dir.Write("a.log", "x\n");

        var result = await LogMetricsCli.RunAsync(["run", "--progs", program, "--logs", log, "--listen", "127.0.0.1:0", .. arguments.Split('|')], workingDirectory: dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir["out.prom"]));
    }
}
