using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Examples;

/// <summary>examples/prometheus/prometheus.yml, judged by promtool.</summary>
public sealed class PrometheusConfigTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Promtool_check_config_accepts_it()
    {
        var result = await CommandRunner.RunAsync(Tool.Require("promtool"), ["check", "config", Repository.PathOf("examples/prometheus/prometheus.yml")]);
        output.WriteLine(result.ToString());
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void It_scrapes_job_logmetrics_on_port_3903()
    {
        var jobs = Yaml.Load(Repository.PathOf("examples/prometheus/prometheus.yml")).Seq("scrape_configs").Children;
        var job = Assert.Single(jobs, j => j.Scalar("job_name") == "logmetrics");
        var targets = job.Seq("static_configs").Children.SelectMany(c => c.Scalars("targets"));
        Assert.All(targets, t => Assert.EndsWith(":3903", t, StringComparison.Ordinal));
        Assert.NotEmpty(targets);
    }
}
