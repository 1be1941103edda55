using LogMetrics.EndToEnd.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace LogMetrics.EndToEnd.Tests.Examples;

/// <summary>
/// examples/kubernetes/logmetrics-daemonset.yaml without a cluster: the manifest agrees with itself and with
/// programs/kubernetes_containers, and its container's arguments run for real over a node's log layout
/// (/var/log/containers symlinks into /var/log/pods, CRI lines, a kubelet rotation) under a temporary root.
/// </summary>
public sealed class KubernetesDaemonSetTests(ITestOutputHelper output)
{
    private const string Id = "3f2a9c0d4e5b6a7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7";
    private static readonly string ManifestPath = Repository.PathOf("examples/kubernetes/logmetrics-daemonset.yaml");
    private readonly IReadOnlyList<YamlMappingNode> _documents = Yaml.LoadDocuments(ManifestPath);

    private YamlMappingNode DaemonSet => Assert.Single(_documents, d => d.Scalar("kind") == "DaemonSet");

    private YamlNode PodSpec => DaemonSet.Map("spec").Map("template").Map("spec");

    private YamlNode Container => Assert.Single(PodSpec.Seq("containers").Children);

    private List<string> Args => [.. Container.Scalars("args")];

    [Fact]
    public void Runs_on_every_node_and_reads_the_node_s_container_logs_read_only()
    {
        Assert.Equal("apps/v1", DaemonSet.Scalar("apiVersion"));
        Assert.Contains(PodSpec.Seq("tolerations").Children, t => t.Scalar("operator") == "Exists" && t.Get("key") is null);
        Assert.Equal("/var/log/containers/*.log", Args[Args.IndexOf("--logs") + 1]);
        Assert.Equal("cri", Args[Args.IndexOf("--input-format") + 1]);

        var mount = Assert.Single(Container.Seq("volumeMounts").Children, m => m.Scalar("mountPath") == "/var/log");
        Assert.Equal("true", mount.ScalarOrNull("readOnly"));
        var volume = Assert.Single(PodSpec.Seq("volumes").Children, v => v.Scalar("name") == mount.Scalar("name"));
        Assert.Equal("/var/log", volume.Map("hostPath").Scalar("path"));

        var stateDir = Args[Args.IndexOf("--state-dir") + 1];
        var stateMount = Assert.Single(Container.Seq("volumeMounts").Children, m => m.Scalar("mountPath") == stateDir);
        Assert.NotNull(Assert.Single(PodSpec.Seq("volumes").Children, v => v.Scalar("name") == stateMount.Scalar("name")).Get("hostPath"));
    }

    [Fact]
    public void The_programs_config_map_holds_the_bundled_program_unchanged()
    {
        var configMap = Assert.Single(_documents, d => d.Scalar("kind") == "ConfigMap");
        var programs = Assert.Single(PodSpec.Seq("volumes").Children, v => v.Get("configMap") is not null);
        Assert.Equal(configMap.Map("metadata").Scalar("name"), programs.Map("configMap").Scalar("name"));
        Assert.Equal(configMap.Map("metadata").Scalar("namespace"), DaemonSet.Map("metadata").Scalar("namespace"));
        var progsMount = Assert.Single(Container.Seq("volumeMounts").Children, m => m.Scalar("name") == programs.Scalar("name"));
        Assert.Equal(Args[Args.IndexOf("--progs") + 1], progsMount.Scalar("mountPath"));
        Assert.Equal(
            File.ReadAllText(Repository.PathOf("programs/kubernetes_containers/kubernetes_containers.rules")),
            configMap.Map("data").Scalar("kubernetes_containers.rules"));
    }

    [Fact(Timeout = 120_000)]
    public async Task Its_arguments_count_each_container_s_lines_under_its_pod_namespace_and_container()
    {
        using var temp = new TempDirectory("daemonset");
        var root = temp.Path;
        string OnNode(string path) => path.StartsWith('/') ? root + path : path;

        var configMap = Assert.Single(_documents, d => d.Scalar("kind") == "ConfigMap");
        var progs = Directory.CreateDirectory(OnNode(Args[Args.IndexOf("--progs") + 1])).FullName;
        foreach (var (key, value) in configMap.Entries("data"))
        {
            File.WriteAllText(Path.Combine(progs, key), ((YamlScalarNode)value).Value);
        }

        // kubelet's layout: the log in /var/log/pods/<namespace>_<pod>_<uid>/<container>/0.log, linked from /var/log/containers.
        var podLog = Path.Combine(Directory.CreateDirectory(OnNode("/var/log/pods/shop_web-7c9d8f6b5-x2x9z_0b7c/nginx")).FullName, "0.log");
        File.WriteAllText(podLog, "");
        var link = Path.Combine(Directory.CreateDirectory(OnNode("/var/log/containers")).FullName, $"web-7c9d8f6b5-x2x9z_shop_nginx-{Id}.log");
        File.CreateSymbolicLink(link, podLog);

        var args = Args.Skip(1).ToList();
        var extra = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--progs" or "--logs" or "--state-dir")
            {
                i++;
            }
            else
            {
                extra.Add(OnNode(args[i]));
            }
        }

        await using var daemon = await LogMetricsDaemon.StartAsync(
            new DaemonOptions
            {
                Programs = progs,
                Logs = [OnNode(args[args.IndexOf("--logs") + 1])],
                StateDirectory = OnNode(args[args.IndexOf("--state-dir") + 1]),
                ExtraArguments = extra,
            },
            output);

        File.AppendAllText(podLog, """
            2024-05-01T12:00:00.000000001Z stdout F GET / 200
            2024-05-01T12:00:01.000000001Z stderr P 2024/05/01 12:00:01 [error] open() failed
            2024-05-01T12:00:01.000000002Z stderr F  (2: No such file or directory)
            2024-05-01T12:00:02.000000001Z stdout F GET /missing 404

            """);
        await WaitForAsync(daemon, "kubernetes_container_log_lines_total", 3);

        // kubelet rotates by renaming 0.log and starting a new one at the path the link names.
        File.Move(podLog, podLog + ".20240501-120003");
        File.AppendAllText(podLog, "2024-05-01T12:00:03.000000001Z stdout F panic: after the rotation\n");
        await WaitForAsync(daemon, "kubernetes_container_log_lines_total", 4);
        await WaitForAsync(daemon, "kubernetes_container_log_errors_total", 2);

        var samples = await daemon.ScrapeSamplesAsync();
        var lines = Assert.Single(samples, s => s.Name == "kubernetes_container_log_lines_total");
        Assert.Equal(("shop", "web-7c9d8f6b5-x2x9z", "nginx"), (lines.Label("namespace"), lines.Label("pod"), lines.Label("container")));
    }

    private static Task<double> WaitForAsync(LogMetricsDaemon daemon, string metric, double value) =>
        Poll.UntilAsync(
            $"{metric} to reach {value}",
            () => daemon.SumAsync(metric),
            v => v == value,
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(100),
            () => daemon.OutputTail);
}
