using System.Diagnostics;
using System.Text;

namespace LogMetrics.Cli.Tests.Support;

/// <summary>A `logmetrics run` daemon on 127.0.0.1 and a free port, with its stderr collected.</summary>
internal sealed class DaemonProcess : IAsyncDisposable
{
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _stdout = new();

    private DaemonProcess(Process process, int port, string scheme, HttpClient client)
    {
        Process = process;
        Port = port;
        Client = client;
        BaseAddress = new Uri($"{scheme}://127.0.0.1:{port}");
        process.ErrorDataReceived += (_, e) => { lock (_stderr) { _stderr.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (_stdout) { _stdout.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public Process Process { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the daemon; waits for /-/healthy unless told not to.</summary>
    public static async Task<DaemonProcess> StartAsync(
        string progs,
        string logs,
        IEnumerable<string>? extraArgs = null,
        string scheme = "http",
        HttpMessageHandler? handler = null,
        bool waitUntilHealthy = true,
        bool runWithoutReadOverride = false)
    {
        List<string> args = ["run", "--progs", progs, "--logs", logs, "--from-start", "--poll-interval", "50ms"];
        args.AddRange(extraArgs ?? []);
        return await StartWithArgsAsync(args, scheme, handler, waitUntilHealthy, runWithoutReadOverride);
    }

    /// <summary>Starts `logmetrics` with these arguments plus `--listen` on a free port.</summary>
    public static async Task<DaemonProcess> StartWithArgsAsync(
        IEnumerable<string> arguments,
        string scheme = "http",
        HttpMessageHandler? handler = null,
        bool waitUntilHealthy = true,
        bool runWithoutReadOverride = false)
    {
        var port = FreePort.Next();
        List<string> args = [.. arguments, "--listen", $"127.0.0.1:{port}"];
        var process = runWithoutReadOverride ? WithoutReadOverride.Start(args) : LogMetricsCli.Start(args);
        process.StandardInput.Close();
        var client = new HttpClient(handler ?? new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        var daemon = new DaemonProcess(process, port, scheme, client);
        if (waitUntilHealthy)
        {
            await daemon.WaitUntilAsync("/-/healthy", System.Net.HttpStatusCode.OK);
        }

        return daemon;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    public async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url(path));
        configure?.Invoke(request);
        return await Client.SendAsync(request);
    }

    public async Task<string> GetStringAsync(string path) => await (await GetAsync(path)).Content.ReadAsStringAsync();

    public async Task WaitUntilAsync(string path, System.Net.HttpStatusCode status)
    {
        await Poll.UntilAsync(
            $"{path} to return {status}",
            async () =>
            {
                if (Process.HasExited)
                {
                    throw new PollAbortedException($"logmetrics exited with {Process.ExitCode}: {Stderr}");
                }

                return (await GetAsync(path)).StatusCode;
            },
            s => s == status,
            diagnostics: () => "stderr: " + Stderr);
    }

    /// <summary>Polls /metrics until the sample has the value.</summary>
    public Task<string> WaitForValueAsync(string name, double value, params (string, string)[] labels) =>
        Poll.UntilAsync(
            $"{name} == {value}",
            () => GetStringAsync("/metrics"),
            text => ExpositionParser.Value(text, name, labels) == value);

    public async Task<int> StopAsync(TimeSpan deadline)
    {
        if (!Process.HasExited)
        {
            Posix.Signal(Process.Id, Posix.SigTerm);
        }

        using var cts = new CancellationTokenSource(deadline);
        await Process.WaitForExitAsync(cts.Token);
        return Process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Client.Dispose();
        Process.Dispose();
    }
}
