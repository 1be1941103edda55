using System.Net;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>A real nginx in the foreground on a free loopback port, writing the combined access log into its own directory.</summary>
internal sealed class NginxServer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly ITestOutputHelper? _output;

    private NginxServer(ChildProcess process, string directory, int port, ITestOutputHelper? output)
    {
        _process = process;
        _output = output;
        Directory = directory;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public string Directory { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string AccessLog => Path.Combine(Directory, "access.log");

    public string PidFile => Path.Combine(Directory, "nginx.pid");

    /// <summary>The master's pid as nginx wrote it: what a logrotate postrotate signals.</summary>
    public int MasterPid => int.Parse(File.ReadAllText(PidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<NginxServer> StartAsync(string directory, ITestOutputHelper? output = null)
    {
        var nginx = Tool.Require("nginx");
        var port = FreePort.Next();
        var temp = System.IO.Directory.CreateDirectory(Path.Combine(directory, "temp")).FullName;
        var config = Path.Combine(directory, "nginx.conf");
        // The readiness probe has its own location without an access log, so every logged line is test traffic.
        File.WriteAllText(config, $$"""
            {{(Posix.IsRoot ? "user root;" : "")}}
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log info;
            worker_processes 1;
            events { worker_connections 512; }
            http {
              access_log {{directory}}/access.log combined;
              client_body_temp_path {{temp}}/client_body;
              proxy_temp_path {{temp}}/proxy;
              fastcgi_temp_path {{temp}}/fastcgi;
              uwsgi_temp_path {{temp}}/uwsgi;
              scgi_temp_path {{temp}}/scgi;
              server {
                listen 127.0.0.1:{{port}};
                location / { return 200 "ok\n"; }
                location /missing { return 404; }
                location = /-/nginx-ready { access_log off; return 204; }
              }
            }
            """);
        var process = ChildProcess.Start(
            "nginx",
            nginx,
            ["-e", Path.Combine(directory, "error.log"), "-p", directory + "/", "-c", config, "-g", "daemon off; master_process on;"]);
        var server = new NginxServer(process, directory, port, output);
        try
        {
            using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            await Poll.UntilAsync(
                "nginx to answer on its port and write its pid file",
                async () =>
                {
                    if (process.HasExited)
                    {
                        throw new PollAbortedException($"nginx exited with {process.ExitCode}: {process.Output.Tail()}\n{server.ErrorLogTail()}");
                    }

                    using var response = await client.GetAsync("-/nginx-ready");
                    return response.StatusCode == HttpStatusCode.NoContent && File.Exists(server.PidFile) && File.Exists(server.AccessLog);
                },
                TimeSpan.FromSeconds(15),
                diagnostics: () => process.Output.Tail() + server.ErrorLogTail());
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        output?.WriteLine($"nginx master pid {server.MasterPid} on {server.BaseAddress}, log {server.AccessLog}");
        return server;
    }

    public string ErrorLogTail()
    {
        var path = Path.Combine(Directory, "error.log");
        if (!File.Exists(path))
        {
            return "";
        }

        var text = File.ReadAllText(path);
        return text.Length > 4096 ? text[^4096..] : text;
    }

    public async ValueTask DisposeAsync()
    {
        // SIGTERM is nginx's fast shutdown: the master stops its workers and exits.
        await _process.DisposeAsync();
        _output?.WriteLine($"--- nginx error.log (tail) ---\n{ErrorLogTail()}");
    }
}
