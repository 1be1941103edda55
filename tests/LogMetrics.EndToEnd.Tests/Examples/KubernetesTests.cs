using System.Text.RegularExpressions;
using LogMetrics.EndToEnd.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace LogMetrics.EndToEnd.Tests.Examples;

/// <summary>examples/kubernetes, checked without a cluster: the Pod's containers, volumes, probes and security agree.</summary>
public sealed partial class KubernetesTests
{
    private static readonly string ManifestPath = Repository.PathOf("examples/kubernetes/nginx-logmetrics-pod.yaml");
    private readonly IReadOnlyList<YamlMappingNode> _documents = Yaml.LoadDocuments(ManifestPath);

    private YamlMappingNode Pod => Assert.Single(_documents, d => d.Scalar("kind") == "Pod");

    private YamlNode Container(string name) => Assert.Single(Pod.Map("spec").Seq("containers").Children, c => c.Scalar("name") == name);

    [Fact]
    public void Every_document_is_a_versioned_named_object()
    {
        Assert.NotEmpty(_documents);
        Assert.All(_documents, d =>
        {
            Assert.Equal("v1", d.Scalar("apiVersion"));
            Assert.NotEmpty(d.Map("metadata").Scalar("name"));
        });
    }

    [Fact]
    public void The_pod_runs_nginx_and_the_logmetrics_sidecar_on_port_3903()
    {
        Assert.Equal(["nginx", "logmetrics"], Pod.Map("spec").Seq("containers").Children.Select(c => c.Scalar("name")));
        var port = Assert.Single(Container("logmetrics").Seq("ports").Children);
        Assert.Equal("3903", port.Scalar("containerPort"));
    }

    [Fact]
    public void Nginx_and_logmetrics_share_an_empty_dir_at_var_log_nginx()
    {
        var volumes = Pod.Map("spec").Seq("volumes").Children;
        string SharedVolume(string container) =>
            Assert.Single(Container(container).Seq("volumeMounts").Children, m => m.Scalar("mountPath") == "/var/log/nginx").Scalar("name");

        var name = SharedVolume("nginx");
        Assert.Equal(name, SharedVolume("logmetrics"));
        Assert.NotNull(Assert.Single(volumes, v => v.Scalar("name") == name).Get("emptyDir"));
        var readerMount = Assert.Single(Container("logmetrics").Seq("volumeMounts").Children, m => m.Scalar("name") == name);
        Assert.Equal("true", readerMount.ScalarOrNull("readOnly"));
    }

    [Fact]
    public void Nginx_writes_the_combined_log_that_logmetrics_reads()
    {
        var configMapName = Assert.Single(Pod.Map("spec").Seq("volumes").Children, v => v.Get("configMap") is not null).Map("configMap").Scalar("name");
        var configMap = Assert.Single(_documents, d => d.Scalar("kind") == "ConfigMap" && d.Map("metadata").Scalar("name") == configMapName);
        var config = string.Join('\n', configMap.Entries("data").Select(p => ((YamlScalarNode)p.Value).Value));
        var written = AccessLog().Match(config);
        Assert.True(written.Success, "the nginx config writes no access log file");
        Assert.Equal("combined", written.Groups["format"].Value);

        var args = Container("logmetrics").Scalars("args").ToList();
        Assert.Equal(written.Groups["path"].Value, args[args.IndexOf("--logs") + 1]);
    }

    [Fact]
    public void Probes_use_the_health_and_readiness_endpoints()
    {
        var sidecar = Container("logmetrics");
        Assert.Equal("/-/healthy", sidecar.Map("livenessProbe").Map("httpGet").Scalar("path"));
        Assert.Equal("/-/ready", sidecar.Map("readinessProbe").Map("httpGet").Scalar("path"));
        var ports = sidecar.Seq("ports").Children;
        foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
        {
            var port = sidecar.Map(probe).Map("httpGet").Scalar("port");
            Assert.Contains(ports, p => p.Scalar("containerPort") == port || p.ScalarOrNull("name") == port);
        }
    }

    [Fact]
    public void Every_container_runs_as_non_root()
    {
        var podLevel = Pod.Map("spec").Get("securityContext")?.ScalarOrNull("runAsNonRoot") == "true";
        Assert.All(Pod.Map("spec").Seq("containers").Children, c =>
        {
            var own = c.Get("securityContext")?.ScalarOrNull("runAsNonRoot");
            Assert.True(own == "true" || (podLevel && own is null), $"{c.Scalar("name")} may run as root");
            Assert.NotEqual("0", c.Get("securityContext")?.ScalarOrNull("runAsUser"));
        });
    }

    [Fact]
    public async Task The_sidecar_arguments_are_backed_by_mounts_the_image_and_known_options()
    {
        var sidecar = Container("logmetrics");
        var args = sidecar.Scalars("args").ToList();
        Assert.Equal("run", args[0]);
        var known = await CliOptions.RunAsync();
        Assert.All(CliOptions.UsedIn(args), option => Assert.Contains(option, known));

        var mountPaths = sidecar.Seq("volumeMounts").Children.Select(m => m.Scalar("mountPath")).ToList();
        Assert.Contains(args[args.IndexOf("--state-dir") + 1], mountPaths);

        // No ConfigMap is mounted on --progs, so the programs are the ones the image bakes in.
        var progs = args[args.IndexOf("--progs") + 1];
        Assert.DoesNotContain(progs, mountPaths);
        var dockerfile = Dockerfile.Load(Repository.PathOf("examples/Dockerfile"));
        Assert.Contains(
            dockerfile.InStage(dockerfile.LastStage),
            i => i.Keyword == "COPY" && i.Arguments[^1].StartsWith(progs + "/", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"access_log\s+(?<path>/\S+)\s+(?<format>\w+)\s*;")]
    private static partial Regex AccessLog();
}
