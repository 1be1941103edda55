using System.Text.RegularExpressions;
using LogMetrics.EndToEnd.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace LogMetrics.EndToEnd.Tests.Examples;

/// <summary>The docker compose examples, checked without a Docker engine: files, volumes, ports and commands agree.</summary>
public sealed partial class ComposeTests
{
    public static TheoryData<string> Examples => ["nginx", "apache"];

    /// <summary>Per example directory: the web server's service, its mounted log config, the program directory the sidecar mounts.</summary>
    private static readonly Dictionary<string, (string WebServer, string LogConfig, string Programs)> Deployments = new()
    {
        ["nginx"] = ("nginx", "nginx.conf", "programs/nginx"),
        ["apache"] = ("httpd", "logmetrics-httpd.conf", "programs/apache_combined"),
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Has_the_web_server_the_sidecar_and_prometheus(string example)
    {
        var webServer = Deployments[example].WebServer;
        var services = Load(example).Map("services");
        Assert.NotNull(services.Get(webServer));
        Assert.NotNull(services.Get("logmetrics"));
        Assert.NotNull(services.Get("prometheus"));
        Assert.Contains(services.Map("logmetrics").Scalars("ports"), p => p.EndsWith(":3903", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_file_it_mounts_or_builds_from_exists(string example)
    {
        var directory = Repository.PathOf($"examples/{example}");
        var services = Load(example).Map("services");
        foreach (var (service, definition) in services.Children.Select(p => (((YamlScalarNode)p.Key).Value!, p.Value)))
        {
            foreach (var mount in Mounts(definition).Where(m => m.IsBind))
            {
                var source = Path.GetFullPath(Path.Combine(directory, mount.Source));
                Assert.True(File.Exists(source) || Directory.Exists(source), $"{service}: {mount.Source} -> {source} does not exist");
                Assert.StartsWith(Repository.Root, source);
            }

            if (definition.Get("build") is YamlMappingNode build)
            {
                var context = Path.GetFullPath(Path.Combine(directory, build.Scalar("context")));
                Assert.True(Directory.Exists(context), $"{service}: build context {context} does not exist");
                Assert.True(File.Exists(Path.Combine(context, build.Scalar("dockerfile"))), $"{service}: no {build.Scalar("dockerfile")} in {context}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_sidecar_reads_the_log_the_web_server_writes_on_their_shared_volume(string example)
    {
        var (webServer, logConfig, _) = Deployments[example];
        var compose = Load(example);
        var services = compose.Map("services");
        var declared = compose.Entries("volumes").Select(p => p.Key).ToHashSet();

        var logPath = WrittenLog(Repository.PathOf($"examples/{example}/{logConfig}"));
        var writerMount = Assert.Single(Mounts(services.Map(webServer)), m => !m.IsBind && IsUnder(logPath, m.Target));
        Assert.Contains(writerMount.Source, declared);

        var command = services.Map("logmetrics").Scalars("command").ToList();
        var readPath = Assert.Single(ValuesOf(command, "--logs"));
        var readerMount = Assert.Single(Mounts(services.Map("logmetrics")), m => m.Source == writerMount.Source);
        Assert.True(readerMount.ReadOnly, "the sidecar only reads the logs");
        Assert.True(IsUnder(readPath, readerMount.Target), $"--logs {readPath} is not on the shared volume ({readerMount.Target})");
        Assert.Equal(Path.GetRelativePath(writerMount.Target, logPath), Path.GetRelativePath(readerMount.Target, readPath));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_sidecar_command_is_backed_by_its_mounts_and_known_options(string example)
    {
        var programs = Deployments[example].Programs;
        var directory = Repository.PathOf($"examples/{example}");
        var compose = Load(example);
        var sidecar = compose.Map("services").Map("logmetrics");
        var command = sidecar.Scalars("command").ToList();
        var mounts = Mounts(sidecar).ToList();

        var progs = Assert.Single(ValuesOf(command, "--progs"));
        var programMount = Assert.Single(mounts, m => m.Target == progs);
        Assert.Equal(Repository.PathOf(programs), Path.GetFullPath(Path.Combine(directory, programMount.Source)));
        Assert.NotEmpty(Directory.GetFiles(Repository.PathOf(programs), "*.rules"));

        var state = Assert.Single(ValuesOf(command, "--state-dir"));
        var stateMount = Assert.Single(mounts, m => m.Target == state);
        Assert.False(stateMount.IsBind || stateMount.ReadOnly, "the state directory is a writable named volume");
        Assert.Contains(stateMount.Source, compose.Entries("volumes").Select(p => p.Key));

        var known = await CliOptions.RunAsync();
        Assert.Equal("run", command[0]);
        Assert.All(CliOptions.UsedIn(command), option => Assert.Contains(option, known));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Prometheus_scrapes_the_sidecar_by_its_service_name(string example)
    {
        var directory = Repository.PathOf($"examples/{example}");
        var prometheus = Load(example).Map("services").Map("prometheus");
        var config = Assert.Single(Mounts(prometheus), m => m.Target == "/etc/prometheus/prometheus.yml");
        Assert.Equal(Repository.PathOf("examples/prometheus/prometheus.yml"), Path.GetFullPath(Path.Combine(directory, config.Source)));

        var job = Assert.Single(Yaml.Load(Repository.PathOf("examples/prometheus/prometheus.yml")).Seq("scrape_configs").Children, j => j.Scalar("job_name") == "logmetrics");
        var targets = ((YamlSequenceNode)job.Seq("static_configs").Children[0].Get("targets")!).Children.Select(t => ((YamlScalarNode)t).Value);
        Assert.Contains("logmetrics:3903", targets);
    }

    private static YamlMappingNode Load(string example) => Yaml.Load(Repository.PathOf($"examples/{example}/docker-compose.yml"));

    private static bool IsUnder(string path, string directory) => path.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static IEnumerable<string> ValuesOf(IReadOnlyList<string> command, string option) =>
        command.Select((a, i) => (a, i)).Where(p => p.a == option && p.i + 1 < command.Count).Select(p => command[p.i + 1]);

    /// <summary>The access log path an nginx.conf (access_log) or httpd snippet (CustomLog) writes.</summary>
    private static string WrittenLog(string config)
    {
        var text = File.ReadAllText(config);
        var match = LogDirective().Match(text);
        Assert.True(match.Success, $"{config} writes no access log to a file");
        Assert.Equal("combined", match.Groups["format"].Value);
        return match.Groups["path"].Value;
    }

    private static IEnumerable<Mount> Mounts(YamlNode service)
    {
        if (service.Get("volumes") is not YamlSequenceNode volumes)
        {
            yield break;
        }

        foreach (var volume in volumes.Children)
        {
            if (volume is YamlScalarNode shortSyntax)
            {
                var parts = shortSyntax.Value!.Split(':');
                var source = parts[0];
                var isBind = source.StartsWith('.') || source.StartsWith('/');
                yield return new Mount(source, parts[1], isBind, parts.Length > 2 && parts[2].Split(',').Contains("ro"));
            }
            else
            {
                yield return new Mount(
                    volume.Scalar("source"),
                    volume.Scalar("target"),
                    volume.Scalar("type") == "bind",
                    volume.ScalarOrNull("read_only") == "true");
            }
        }
    }

    private sealed record Mount(string Source, string Target, bool IsBind, bool ReadOnly);

    [GeneratedRegex("""^\s*(?:access_log|CustomLog)\s+"?(?<path>/[^"\s;]+)"?\s+(?<format>\w+)""", RegexOptions.Multiline)]
    private static partial Regex LogDirective();
}
