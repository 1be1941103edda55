using Serilog;

namespace LogMetrics.Cli.Web;

/// <summary>
/// The current web config: the file (and the certificate files it names) are checked for changes at most once
/// a second, on use. A changed file that fails to load leaves the previous config in force and is logged.
/// </summary>
internal sealed class WebConfigProvider
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);
    private readonly string? _path;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private WebConfig _current;
    private string _stamp;
    private long _lastCheck;

    private WebConfigProvider(string? path, WebConfig initial, ILogger log, TimeProvider time)
    {
        _path = path;
        _current = initial;
        _log = log;
        _time = time;
        _stamp = Stamp(initial.Files);
        _lastCheck = time.GetTimestamp();
    }

    /// <summary>Reads the file at start; a problem throws <see cref="WebConfigException"/> (a startup error).</summary>
    public static WebConfigProvider Create(string? path, ILogger log, TimeProvider time)
    {
        var initial = path is null ? WebConfig.Empty : WebConfig.Load(path);
        var provider = new WebConfigProvider(path, initial, log, time);
        provider.Announce(initial);
        return provider;
    }

    public WebConfig Current
    {
        get
        {
            if (_path is null)
            {
                return _current;
            }

            lock (_lock)
            {
                var now = _time.GetTimestamp();
                if (_time.GetElapsedTime(_lastCheck, now) >= CheckInterval)
                {
                    _lastCheck = now;
                    ReloadIfChanged();
                }

                return _current;
            }
        }
    }

    private void ReloadIfChanged()
    {
        var stamp = Stamp(_current.Files);
        if (stamp == _stamp)
        {
            return;
        }

        _stamp = stamp;
        try
        {
            var next = WebConfig.Load(_path!);
            if ((next.Tls is null) != (_current.Tls is null))
            {
                _log.Error("Web config {Path}: turning TLS on or off needs a restart; keeping the previous config", _path);
                return;
            }

            _current = next;
            _stamp = Stamp(next.Files);
            _log.Information("Web config {Path} reloaded", _path);
            Announce(next);
        }
        catch (WebConfigException e)
        {
            _log.Error("Web config not reloaded, the previous one stays in force: {Error}", e.Message);
        }
    }

    private void Announce(WebConfig config)
    {
        foreach (var key in config.Ignored)
        {
            _log.Warning("Web config {Path}: {Key} is accepted but not supported, and has no effect", _path, key);
        }
    }

    private static string Stamp(IEnumerable<string> files) =>
        string.Join('|', files.Select(f =>
        {
            var info = new FileInfo(f);
            return info.Exists ? $"{info.LastWriteTimeUtc.Ticks}:{info.Length}" : "missing";
        }));
}
