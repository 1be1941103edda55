using LogMetrics.Cli.Import;
using LogMetrics.Cli.Tests.Support;
using LogMetrics.Language.Patterns;

namespace LogMetrics.Cli.Tests.Import;

/// <summary>Bad configs are errors at their YAML line and column; each template function gives grok_exporter's value.</summary>
public sealed class GrokExporterImporterTests
{
    private const string Header = "global:\n  config_version: 3\ninput:\n  type: stdin\n";

    public static TheoryData<string, int, int, string> BadConfigs() => new()
    {
        // Unknown keys, which grok_exporter ignores silently.
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: x\n    bucket: [1]\n", 10, 5, "unknown key 'bucket' in metric; did you mean 'buckets'?" },
        { Header + "metrics:\n  - type: counter\n    name: a\n    helpp: h\n    match: x\n", 8, 5, "unknown key 'helpp' in metric; did you mean 'help'?" },
        { Header + "serverr:\n  port: 1\n", 5, 1, "unknown key 'serverr' in top level" },
        { "global:\n  config_version: 2\ninput:\n  type: stdin\ngrok_patterns: []\n", 5, 1, "unknown key 'grok_patterns' in top level" },
        { Header.Replace("stdin", "file") + "  pathz: /x\n", 5, 3, "unknown key 'pathz' in input" },
        // Options on the wrong metric type, and missing parts.
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: x\n    cumulative: true\n", 10, 17, "'cumulative' is only allowed for gauge metrics, not for a counter" },
        { Header + "metrics:\n  - type: gauge\n    name: a\n    help: h\n    match: x\n    value: '1'\n    buckets: [1, 2]\n", 11, 14, "'buckets' is only allowed for histogram metrics" },
        { Header + "metrics:\n  - type: counter\n    name: a\n    match: x\n", 6, 5, "metric needs 'help'" },
        { Header + "metrics:\n  - type: gauge\n    name: a\n    help: h\n    match: x\n", 6, 5, "a gauge needs 'value'" },
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: x\n    retention: 5m\n", 6, 5, "metric 'a' has no labels" },
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: x\n    retention: 5 minutes\n", 10, 16, "'5 minutes' is not a duration" },
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: '%{WORD:u}'\n    labels:\n      u: '{{.u}}'\n    delete_match: y\n    delete_labels:\n      v: '{{.u}}'\n", 14, 10, "delete_labels names 'v', which is not a label of metric 'a'" },
        { "global:\n  config_version: 4\n", 2, 19, "config_version 4 is not supported" },
        { "global: [\n", 2, 1, "invalid YAML" },
        // A template field the match does not capture: an error at load, at the template's line.
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: '%{WORD:method} %{NOTSPACE:path}'\n    labels:\n      path: '{{.path}}'\n      status: '{{.stauts}}'\n", 12, 15, "metric 'a': the template references field 'stauts', which the match does not capture" },
        { Header + "metrics:\n  - type: gauge\n    name: a\n    help: h\n    match: '%{WORD:method}'\n    value: '{{.size}}'\n", 10, 12, "metric 'a': the template references field 'size'" },
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: '(a'\n", 9, 12, "metric 'a': LM3" },
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: '%{NOSUCHPATTERN:x}'\n", 9, 12, "metric 'a': LM3" },
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: x\n  - type: counter\n    name: a\n    help: h\n    match: y\n", 11, 11, "metric name 'a' is used twice" },
        // Templates: what has no translation is reported at its column inside the template.
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: '%{WORD:u}'\n    labels:\n      u: '{{range .u}}x{{end}}'\n", 11, 13, "label 'u': '{{range}}' has no translation" },
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: '%{WORD:u}'\n    labels:\n      u: \"{{with .u}}x{{end}}\"\n", 11, 13, "label 'u': '{{with}}' has no translation" },
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: '%{WORD:u}'\n    labels:\n      u: x{{if .u}}y\n", 11, 11, "label 'u': '{{if}}' without '{{end}}'" },
        { Header + "metrics:\n  - type: gauge\n    name: a\n    help: h\n    match: '%{INT:ms}'\n    value: '1'\n    labels:\n      slow: '{{if gt .ms 500}}y{{end}}'\n", 12, 19, "label 'slow': gt compares int with string" },
        { Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: '%{WORD:u}'\n    labels:\n      user: '{{index .extra \"user\"}}'\n", 11, 22, "label 'user': '.extra' is set only for the webhook input" },
        { Header.Replace("stdin", "webhook\n  webhook_format: json_single") + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: 'login %{WORD:u}'\n    labels:\n      user: '{{index .extra \"user\"}}'\n      u: '{{.uu}}'\n", 13, 10, "metric 'a': the template references field 'uu', which the match does not capture" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public void Bad_configs_are_errors_at_their_line_and_column(string yaml, int line, int column, string message)
    {
        var result = GrokExporterImporter.Import(yaml, "/tmp", GrokLibrary.Default);
        Assert.False(result.Success);
        Assert.True(result.Messages.Any(m => m.Severity == ImportSeverity.Error && m.Line == line && m.Column == column && m.Text.StartsWith(message, StringComparison.Ordinal)),
            $"expected {line}:{column}: {message}; got:\n" + string.Join("\n", result.Messages.Select(m => m.Format("config.yml"))));
    }

    // v3 `imports` of type metrics (grok_exporter's config/v3 importMetrics and fileLoader): `file` is a glob on the
    // file name, `dir` every file of a directory, in file name order, after the config's own metrics; `defaults` fill
    // in what a metric does not set.
    [Fact]
    public async Task Imports_of_type_metrics_add_each_files_metrics_with_the_defaults()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["metrics.d"]);
        Directory.CreateDirectory(dir["more"]);
        dir.Write("metrics.d/b_errors.yaml", """
            - type: counter
              name: errors_total
              help: Errors by kind.
              match: 'ERROR %{WORD:kind}'
              labels:
                kind: '{{.kind}}'
                logfile: 'fixed'
            """);
        dir.Write("metrics.d/a_took.yaml", """
            - type: histogram
              name: took_seconds
              help: Durations.
              match: 'took=%{NUMBER:s}'
              value: '{{.s}}'
            - type: summary
              name: took_summary_seconds
              help: Durations.
              match: 'took=%{NUMBER:s}'
              value: '{{.s}}'
            """);
        dir.Write("metrics.d/notes.txt", "not a metrics file: the glob leaves it out\n");
        dir.Write("more/temp.yml", """
            - type: gauge
              name: temp_celsius
              help: Temperature.
              match: 'temp=%{NUMBER:t}'
              value: '{{.t}}'
              retention: 1m
            """);
        var config = dir.Write("config.yml", """
            global:
              config_version: 3
            input:
              type: stdin
            imports:
              - type: metrics
                file: metrics.d/*.yaml
                defaults:
                  retention: 2h30m
                  buckets: [1, 10]
                  quantiles: {0.5: 0.05}
                  max_age: 5m
                  labels:
                    logfile: '{{base .logfile}}'
              - type: metrics
                dir: more
                defaults:
                  retention: 1h
                  labels:
                    host: 'web1'
            metrics:
              - type: counter
                name: lines_total
                help: Lines.
                match: '.'
            """);
        var result = GrokExporterImporter.Import(config, GrokLibrary.Default);
        Assert.True(result.Success, string.Join("\n", result.Messages.Select(m => m.Format(config))));
        Assert.Equal(new[] { "lines_total", "took_seconds", "took_summary_seconds", "errors_total", "temp_celsius" }, result.Programs.Select(p => p.Metric));
        Assert.Contains("histogram took_seconds by logfile le 1, 10 retention 2h30m help \"Durations.\"", result.Programs[1].Text);
        Assert.Contains("summary took_summary_seconds by logfile quantiles 0.5 errors 0.05 max_age 5m retention 2h30m", result.Programs[2].Text);
        Assert.Contains("counter errors_total by kind, logfile retention 2h30m", result.Programs[3].Text);
        Assert.Contains("errors_total[$kind][\"fixed\"]++", result.Programs[3].Text);
        Assert.Contains("gauge temp_celsius by host retention 1m", result.Programs[4].Text);
        Assert.Contains("(a_took.yaml, line 1)", result.Programs[1].Text);

        var log = dir.Write("app.log", "ERROR disk\ntook=3\ntemp=21.5\n");
        var run = await LogMetricsCli.RunAsync(["run", "--config", config, "--logs", log, "--one-shot"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("errors_total{kind=\"disk\",logfile=\"fixed\"} 1\n", run.Stdout);
        Assert.Contains("took_seconds_bucket{logfile=\"app.log\",le=\"10\"} 1\n", run.Stdout);
        Assert.Contains("temp_celsius{host=\"web1\"} 21.5\n", run.Stdout);
    }

    public static TheoryData<string, string, string, int, int, string> BadMetricsImports() => new()
    {
        // config imports, the imported file's name and text, and where the error is (in the imported file when its
        // line is given with "m.yaml", else in the config).
        { "    file: m.yaml\n", "m.yaml", "- type: counter\n  name: a\n  help: h\n  match: x\n  lables: {}\n", 5, 3, "m.yaml: unknown key 'lables' in metric; did you mean 'labels'?" },
        { "    file: m.yaml\n", "m.yaml", "- type: gauge\n  name: a\n  help: h\n  match: '%{WORD:w}'\n  value: '{{.v}}'\n", 5, 10, "m.yaml: metric 'a': the template references field 'v'" },
        { "    file: m.yaml\n", "m.yaml", "- type: counter\n  name: a\n  help: h\n  match: x\n  labels:\n    u: '{{range .x}}{{end}}'\n", 6, 11, "m.yaml: label 'u': '{{range}}' has no translation" },
        { "    file: m.yaml\n", "m.yaml", "- type: counter\n  name: a\n   help: h\n", 3, 8, "m.yaml: invalid YAML" },
        { "    file: m.yaml\n", "m.yaml", "- type: counter\n  name: twice\n  help: h\n  match: x\n", 2, 9, "m.yaml: metric name 'twice' is used twice" },
        { "    file: nothere/*.yaml\n", "m.yaml", "[]\n", 7, 11, "config.yml: 'nothere/*.yaml': cannot read directory" },
        { "    file: '*.json'\n", "m.yaml", "[]\n", 7, 11, "config.yml: '*.json': file(s) not found" },
        { "    file: 'd*/m.yaml'\n", "m.yaml", "[]\n", 7, 11, "config.yml: 'd*/m.yaml': wildcards are only allowed in the file name" },
        { "    file: m.yaml\n    defaults:\n      path: a\n      paths: [b]\n", "m.yaml", "[]\n", 10, 14, "config.yml: use either imports.defaults.path or imports.defaults.paths" },
        { "    file: m.yaml\n    defaults:\n      bucket: [1]\n", "m.yaml", "[]\n", 9, 7, "config.yml: unknown key 'bucket' in imports defaults; did you mean 'buckets'?" },
        { "    file: m.yaml\n    dir: .\n", "m.yaml", "[]\n", 7, 11, "config.yml: an import has 'file' or 'dir', not both" },
    };

    [Theory]
    [MemberData(nameof(BadMetricsImports))]
    public void Errors_of_metrics_imports_are_at_the_line_and_column_of_their_file(string import, string file, string text, int line, int column, string message)
    {
        using var dir = new TempDirectory();
        dir.Write(file, text);
        var config = dir.Write("config.yml", Header + "imports:\n  - type: metrics\n" + import + "metrics:\n  - type: counter\n    name: twice\n    help: h\n    match: x\n");
        var result = GrokExporterImporter.Import(config, GrokLibrary.Default);
        var formatted = result.Messages.Select(m => m.Format(config)).ToList();
        var expected = $"{dir.Path}/{message.Split(": ", 2)[0]}:{line}:{column}: error: {message.Split(": ", 2)[1]}";
        Assert.False(result.Success);
        Assert.True(formatted.Any(m => m.StartsWith(expected, StringComparison.Ordinal)), $"expected {expected}; got:\n" + string.Join("\n", formatted));
    }

    [Fact]
    public void A_directory_import_of_a_directory_with_a_subdirectory_fails_as_in_grok_exporter()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["metrics/sub"]);
        dir.Write("metrics/m.yaml", "- type: counter\n  name: a\n  help: h\n  match: x\n");
        var config = dir.Write("config.yml", Header + "imports:\n  - type: metrics\n    dir: metrics\n");
        var result = GrokExporterImporter.Import(config, GrokLibrary.Default);
        Assert.Contains(result.Messages, m => m.Severity == ImportSeverity.Error && m.Line == 7 && m.Column == 10 && m.Text.StartsWith("'metrics': cannot read " + dir["metrics/sub"], StringComparison.Ordinal));
    }

    [Fact]
    public void A_webhook_input_is_told_how_to_run()
    {
        var result = GrokExporterImporter.Import("global:\n  config_version: 3\ninput:\n  type: webhook\n  webhook_format: json_bulk\n", "/tmp", GrokLibrary.Default);
        Assert.Contains(result.Messages, m => m.Severity == ImportSeverity.Note && m.Line == 4 && m.Text.StartsWith("webhook input: run with --webhook /webhook --webhook-format json_bulk", StringComparison.Ordinal));
        Assert.Empty(result.Logs);
    }

    [Fact]
    public void Metrics_with_path_globs_count_only_lines_of_matching_files()
    {
        var yaml = Header + "metrics:\n  - type: counter\n    name: a_total\n    help: h\n    match: x\n    paths: ['/var/log/a*.log', '/srv/b?.log']\n";
        var result = GrokExporterImporter.Import(yaml, "/tmp", GrokLibrary.Default);
        Assert.True(result.Success, string.Join("\n", result.Messages));
        Assert.Contains("getfilename() =~ /^(?:\\/var\\/log\\/a[^\\/]*\\.log|\\/srv\\/b[^\\/]\\.log)$/ {", result.Programs[0].Text);
    }

    // One config that uses every template function; the values are what grok_exporter's functions return
    // (Go's filepath.Base, Oniguruma's gsub with \1, float64 arithmetic printed with %v, time.Parse to Unix seconds).
    [Fact]
    public async Task Every_template_function_gives_grok_exporters_value()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config.yml", """
            global:
              config_version: 3
            input:
              type: file
              path: /unused
            metrics:
              - type: gauge
                name: fn_value
                help: One series per template function.
                match: 'a=%{NUMBER:a} b=%{NUMBER:b} t="%{DATA:t}" p=%{NOTSPACE:p}(?<missing_none>x?)'
                value: '{{add .a .b}}'
                labels:
                  base: '{{base .p}}'
                  gsub: '{{gsub .p "/([a-z]+)/[0-9]+" "/\\1/:id"}}'
                  sum: '{{add .a .b}}'
                  difference: '{{subtract .a .b}}'
                  product: '{{multiply .a .b}}'
                  quotient: '{{divide .a .b}}'
                  time: '{{timestamp "2006-01-02 15:04:05,000" .t}}'
                  equal: '{{eq .a .b}}'
                  text: 'a{{.a}}/{{.logfile | base}}'
                  printf: '{{printf "%s:%v" .p (add .a .b)}}'
                  cond: '{{if and (eq .a "3") (ne .b "3")}}{{or .missing_none .a}}{{else}}no{{end}}'
              - type: gauge
                name: fn_divide_seconds
                help: Division as a value.
                match: 'a=%{NUMBER:a} b=%{NUMBER:b}'
                value: '{{divide .a .b}}'
            """);
        var log = dir.Write("app.log", "a=3 b=4 t=\"2024-01-02 03:04:05,250\" p=/srv/users/42/profile\n");
        var result = await LogMetricsCli.RunAsync(["run", "--config", config, "--logs", log, "--one-shot"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("fn_divide_seconds 0.75\n", result.Stdout);
        Assert.Contains(
            "fn_value{base=\"profile\",cond=\"3\",difference=\"-1\",equal=\"false\",gsub=\"/srv/users/:id/profile\",printf=\"/srv/users/42/profile:7\",product=\"12\",quotient=\"0.75\",sum=\"7\",text=\"a3/app.log\",time=\"1.70416464525e+09\"} 7\n",
            result.Stdout);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_is_a_runtime_error_and_the_line_is_skipped_for_that_metric_only()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config.yml", """
            global:
              config_version: 3
            input:
              type: stdin
            metrics:
              - type: counter
                name: bytes_total
                help: Bytes.
                match: 'bytes=%{NOTSPACE:bytes}'
                value: '{{.bytes}}'
              - type: counter
                name: lines_total
                help: Lines.
                match: 'bytes='
            """);
        var log = dir.Write("app.log", "bytes=10\nbytes=-\nbytes=5\n");
        var result = await LogMetricsCli.RunAsync(["run", "--config", config, "--logs", log, "--one-shot"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("bytes_total 15\n", result.Stdout);
        Assert.Contains("lines_total 3\n", result.Stdout);
        Assert.Contains("bytes_total.rules: 1 runtime error(s) in 3 lines", result.Stderr);
    }

    // grok_exporter: "Negative value with metric counter", the line skipped for that metric and counted as its error.
    [Fact]
    public async Task A_negative_counter_value_is_a_counted_runtime_error_and_the_line_is_skipped_for_that_metric()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config.yml", """
            global:
              config_version: 3
            input:
              type: stdin
            metrics:
              - type: counter
                name: refunds_total
                help: Refunded amounts by shop.
                match: 'shop=%{WORD:shop} amount=%{NUMBER:amount}'
                value: '{{.amount}}'
                labels:
                  shop: '{{.shop}}'
              - type: counter
                name: lines_total
                help: Lines.
                match: 'amount='
            """);
        var log = dir.Write("app.log", "shop=a amount=10\nshop=a amount=-4\nshop=b amount=-1\nshop=a amount=0.5\n");
        var result = await LogMetricsCli.RunAsync(["run", "--config", config, "--logs", log, "--one-shot"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("refunds_total{shop=\"a\"} 10.5\n", result.Stdout);
        Assert.DoesNotContain("shop=\"b\"", result.Stdout);
        Assert.Contains("lines_total 4\n", result.Stdout);
        Assert.Contains("refunds_total.rules: 2 runtime error(s) in 4 lines; last: fail: Negative value with metric counter", result.Stderr);

        // The daemon tells it in its log and counts it per program.
        await using var daemon = await DaemonProcess.StartWithArgsAsync(["run", "--config", config, "--logs", log, "--from-start"]);
        await daemon.WaitForValueAsync("logmetrics_program_runtime_errors_total", 2, ("program", "refunds_total.rules"));
        await Poll.UntilAsync("the runtime error in the log", () => Task.FromResult(daemon.Stderr), log => log.Contains("Negative value with metric counter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_config_with_an_error_exits_1_and_names_the_yaml_line()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config.yml", Header + "metrics:\n  - type: counter\n    name: a\n    help: h\n    match: x\n    lables: {}\n");
        var result = await LogMetricsCli.RunAsync(["run", "--config", config, "--logs", "-", "--one-shot"], stdin: "");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("config.yml:10:5: error: unknown key 'lables' in metric; did you mean 'labels'?", result.Stderr);
    }
}
