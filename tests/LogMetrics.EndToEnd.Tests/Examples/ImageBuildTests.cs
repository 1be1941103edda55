using System.Net;
using System.Text;
using System.Text.Json;
using LogMetrics.EndToEnd.Tests.Support;

namespace LogMetrics.EndToEnd.Tests.Examples;

/// <summary>The build the container ships (examples/Dockerfile's publish line: NativeAOT), run for real: the bundled
/// programs, the daemon's pages and the commands whose code a native build could break (JSON and YAML without
/// reflection) give what the JIT build gives.</summary>
public sealed class ImageBuildTests(ImageBuild build, ITestOutputHelper output) : IClassFixture<ImageBuild>
{
    [Fact]
    public void It_is_one_native_executable_and_the_runtime_stage_copies_it()
    {
        Assert.False(File.Exists(Path.Combine(build.Directory, "logmetrics.dll")), "the image should hold no IL to run on a .NET runtime");
        using (var stream = File.OpenRead(build.Executable))
        {
            var magic = new byte[4];
            stream.ReadExactly(magic);
            Assert.Equal("\u007fELF"u8.ToArray(), magic);
        }

        Assert.True((File.GetUnixFileMode(build.Executable) & UnixFileMode.UserExecute) != 0);
        var fromBuild = ImageBuild.Dockerfile.InStage(ImageBuild.Dockerfile.LastStage)
            .Where(i => i.Keyword == "COPY" && i.Flags.TryGetValue("from", out var stage) && stage == "build")
            .SelectMany(i => i.Arguments.SkipLast(1))
            .ToList();
        Assert.NotEmpty(fromBuild);
        Assert.All(fromBuild, source =>
        {
            Assert.StartsWith("/app/", source, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(build.Directory, source["/app/".Length..])), $"COPY --from=build {source}: the publish line does not make it");
        });
    }

    public static TheoryData<string> ProgramNames() => [.. BundledProgram.Names()];

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public async Task Every_bundled_program_gives_its_expected_metrics(string name)
    {
        var result = await CommandRunner.RunAsync(build.Executable, BundledProgram.TestCommand(name), workingDirectory: BundledProgram.DirectoryOf(name));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Explain_json_is_the_jit_builds()
    {
        var dir = BundledProgram.DirectoryOf("nginx");
        string[] arguments = ["explain", Path.Combine(dir, "nginx.rules"), "--log", Path.Combine(dir, "sample.log"), "--format", "json"];
        var native = await CommandRunner.RunAsync(build.Executable, arguments);
        var jit = await LogMetricsCli.RunAsync(arguments);
        Assert.True(native.ExitCode == 0, native.ToString());
        Assert.Equal(jit.Stdout, native.Stdout);
        using var first = JsonDocument.Parse(native.Stdout.Split('\n')[0]);
        Assert.Equal("nginx.rules", first.RootElement.GetProperty("program").GetString());
        Assert.Contains(first.RootElement.GetProperty("patterns")[0].GetProperty("captures").EnumerateArray(),
            c => c.GetProperty("type").GetString() is "string" or "int" or "float");
    }

    [Fact]
    public async Task A_grok_exporter_config_imports_as_with_the_jit_build()
    {
        var config = Repository.PathOf("examples/grok_exporter/apache_access/config.yml");
        using var temp = new TempDirectory("import");
        // Each writes to "rules" in a folder of its own; the report names that folder in full.
        var native = await CommandRunner.RunAsync(build.Executable, ["import", "grok-exporter", config, "-o", "rules"], workingDirectory: temp.Subdirectory("native"));
        var jit = await LogMetricsCli.RunAsync(["import", "grok-exporter", config, "-o", "rules"], workingDirectory: temp.Subdirectory("jit"));
        Assert.True(native.ExitCode == 0, native.ToString());
        Assert.True(jit.ExitCode == 0, jit.ToString());
        var jitRules = Path.Combine(temp["jit"], "rules");
        var nativeRules = Path.Combine(temp["native"], "rules");
        var files = Directory.GetFiles(jitRules).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(files, f => f!.EndsWith(".rules", StringComparison.Ordinal));
        Assert.Equal(files, Directory.GetFiles(nativeRules).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(files, file => Assert.Equal(
            File.ReadAllText(Path.Combine(jitRules, file!)).Replace(jitRules, "RULES", StringComparison.Ordinal),
            File.ReadAllText(Path.Combine(nativeRules, file!)).Replace(nativeRules, "RULES", StringComparison.Ordinal)));
    }

    /// <summary>The daemon as the image runs it, behind TLS and basic auth from a web config (read without reflection):
    /// /metrics, /-/status.json and /-/explain (written by generated JSON serializers).</summary>
    [Fact]
    public async Task The_daemon_serves_metrics_status_and_explain_over_tls_with_basic_auth()
    {
        using var temp = new TempDirectory("image-daemon");
        var tls = await TestCertificate.CreateAsync(temp.Path);
        const string User = "prometheus";
        const string Password = "scrape-me";
        var webConfig = temp.Write("web-config.yml", $"""
            tls_server_config:
              cert_file: {tls.CertificateFile}
              key_file: {tls.KeyFile}
              min_version: TLS12
            basic_auth_users:
              {User}: {await Bcrypt.HashAsync(Password)}

            """);
        var dir = BundledProgram.DirectoryOf("nginx");
        var log = temp["access.log"];
        File.Copy(Path.Combine(dir, "sample.log"), log);
        var lines = File.ReadAllLines(log).Length;
        await using var daemon = await LogMetricsDaemon.StartAsync(
            new DaemonOptions
            {
                Programs = Path.Combine(dir, "nginx.rules"),
                Logs = [log],
                FromStart = true,
                WebConfigFile = webConfig,
                TrustedCertificate = tls.Certificate,
                Credentials = new NetworkCredential(User, Password),
                Executable = build.Executable,
            },
            output);

        using (var anonymous = new HttpClient(new SocketsHttpHandler { SslOptions = { CertificateChainPolicy = LogMetricsDaemon.TrustOnly(tls.Certificate) } }))
        {
            using var refused = await anonymous.GetAsync(new Uri(daemon.BaseAddress, "metrics"));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var status = await Poll.UntilAsync(
            "the sample log read to its end",
            async () => JsonDocument.Parse(await daemon.Http.GetStringAsync("-/status.json")),
            doc => doc.RootElement.GetProperty("logs")[0].GetProperty("lines").GetInt64() == lines,
            diagnostics: () => daemon.OutputTail);
        var program = status.RootElement.GetProperty("programs")[0];
        Assert.Equal("nginx.rules", program.GetProperty("name").GetString());
        Assert.Equal("running", program.GetProperty("state").GetString());
        Assert.Equal(lines, program.GetProperty("lines").GetInt64());
        Assert.Contains(status.RootElement.GetProperty("metrics").EnumerateArray(), m => m.GetProperty("series").GetInt32() > 0);

        var samples = ExpositionParser.Parse(await daemon.ScrapeAsync());
        var expected = ExpositionParser.Parse(File.ReadAllText(Path.Combine(dir, "expected.prom")));
        Assert.All(expected.Where(s => !s.Name.StartsWith("logmetrics_", StringComparison.Ordinal)), sample =>
            Assert.Contains(samples, s => s.Name == sample.Name && s.Value == sample.Value && s.Labels.Where(l => l.Key != "prog").All(l => sample.Label(l.Key) == l.Value)));

        using var explain = await daemon.Http.PostAsync("-/explain", new StringContent(File.ReadLines(log).First() + "\nnot an access log line\n", Encoding.UTF8));
        Assert.Equal(HttpStatusCode.OK, explain.StatusCode);
        using var explained = JsonDocument.Parse(await explain.Content.ReadAsStringAsync());
        Assert.Equal(2, explained.RootElement.GetArrayLength());
        Assert.True(explained.RootElement[0].GetProperty("matched").GetBoolean());
        Assert.False(explained.RootElement[1].GetProperty("matched").GetBoolean());
        Assert.Contains(explained.RootElement[0].GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "statement");

        using var page = await daemon.Http.GetAsync("");
        Assert.Contains("nginx.rules", await page.Content.ReadAsStringAsync());
        Assert.Equal(0, await daemon.StopAsync());
    }
}
