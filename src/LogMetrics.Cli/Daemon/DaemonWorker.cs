using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using LogMetrics.Cli.Logging;
using LogMetrics.Cli.Outputs;
using LogMetrics.Cli.Web;
using LogMetrics.Metrics;
using LogMetrics.Runtime;
using LogMetrics.Runtime.Execution;
using LogMetrics.Tailing;
using LogMetrics.Tailing.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ILogger = Serilog.ILogger;

namespace LogMetrics.Cli.Daemon;

/// <summary>`logmetrics run` without --one-shot: follows logs, serves metrics over HTTP, reloads programs, stops cleanly.</summary>
internal sealed class DaemonWorker(DaemonSettings settings, ILogger log)
{
    /// <summary>SIGTERM to exit must take less than this.</summary>
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(4);

    private readonly CancellationTokenSource _shutdown = new();
    private readonly TimeProvider _time = TimeProvider.System;
    private ProgramSet? _programs;

    public static async Task<ExitCode> RunAsync(DaemonSettings settings)
    {
        var log = LogConfiguration.Create(settings.LogFormat, settings.LogLevel);
        try
        {
            return await new DaemonWorker(settings, log).RunAsync().ConfigureAwait(false);
        }
        finally
        {
            (log as IDisposable)?.Dispose();
        }
    }

    private async Task<ExitCode> RunAsync()
    {
        if (!ListenAddress.TryParse(settings.Listen, out var endpoint, out var localhost))
        {
            log.Fatal("--listen {Listen} is not HOST:PORT", settings.Listen);
            return ExitCode.Usage;
        }

        // As mtail: a programs path that does not exist at start is a mistake, not something to wait for.
        if (!Directory.Exists(settings.Progs) && !File.Exists(settings.Progs))
        {
            log.Fatal("Cannot start: the programs path {Progs} does not exist", settings.Progs);
            return ExitCode.StartupError;
        }

        WebConfigProvider webConfig;
        try
        {
            webConfig = WebConfigProvider.Create(settings.WebConfigFile, log, _time);
        }
        catch (WebConfigException e)
        {
            log.Fatal("Cannot start: {Error}", e.Message);
            return ExitCode.StartupError;
        }

        var ownMetrics = OwnMetrics.Create(log);
        var store = new MetricStore(settings.Engine.Store);
        using var engine = new Engine(store, settings.Engine.Engine with { SelfMetrics = true });
        var runtimeErrors = new RuntimeErrorLog(log, _time, TimeSpan.FromSeconds(10));
        engine.RuntimeError += runtimeErrors.OnRuntimeError;

        DaemonState? state = null;
        var programs = new ProgramSet(engine, Path.GetFullPath(settings.Progs), log, settings.InMemoryPrograms);
        _programs = programs;
        using var signals = RegisterSignals();
        state = new DaemonState
        {
            Store = store,
            Engine = engine,
            Programs = programs,
            SelfMetrics = new SelfMetrics(store, () => state!.Sources, () => programs.Files),
            Rates = new RateSampler(() => engine.Programs, () => state!.Sources, _time),
            Exposition = settings.Engine.Exposition,
            EngineOptions = settings.Engine.Engine,
            WebConfig = webConfig,
            OwnMetrics = ownMetrics,
        };

        OutputSet outputs;
        try
        {
            outputs = OutputSet.Create(settings.Outputs, settings.Engine.Exposition, () =>
            {
                state.SelfMetrics.Refresh();
                return store.Snapshot();
            }, log, ownMetrics.Factory);
        }
        catch (OutputException e)
        {
            log.Fatal("Cannot start: {Error}", e.Message);
            return ExitCode.StartupError;
        }

        using var ownedOutputs = outputs;

        await using var app = BuildApp(state, endpoint!, localhost, webConfig);
        try
        {
            await app.StartAsync(_shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            log.Information("Stopped before the server started");
            return ExitCode.Success;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            log.Fatal("Cannot listen on {Listen}: {Error}", settings.Listen, e.Message);
            return ExitCode.StartupError;
        }

        log.Information("Listening on {Scheme}://{Listen}", webConfig.Current.Tls is null ? "http" : "https", settings.Listen);
        // Watch before the first load, so that a program written while loading is not missed.
        using var watcher = settings.WatchProgs && settings.InMemoryPrograms is null ? WatchPrograms(programs) : null;
        await programs.ReloadAsync("start").ConfigureAwait(false);

        var tailer = new Tailer(settings.Tail, engine, log);
        await using (tailer.ConfigureAwait(false))
        {
            try
            {
                await tailer.StartAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
            {
            }

            state.Tailer = tailer;
            state.Started = true;
            LogStart(state, tailer);
            outputs.Start();

            var housekeeping = HousekeepingAsync(state);
            try
            {
                await Task.Delay(Timeout.Infinite, _shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            state.Started = false;
            var stopwatch = Stopwatch.StartNew();
            log.Information("Stopping: finishing the lines in hand");
            await WithinAsync(tailer.StopAsync(), StopBudget, "the tailer").ConfigureAwait(false);
            await WithinAsync(Task.Run(engine.Drain), StopBudget - stopwatch.Elapsed, "the engine").ConfigureAwait(false);
            await housekeeping.ConfigureAwait(false);
            // The final values: the textfile written and the remote write queue sent, within what is left of the budget.
            await WithinAsync(outputs.FinishAsync(OutputBudget(stopwatch.Elapsed)), StopBudget - stopwatch.Elapsed + TimeSpan.FromMilliseconds(200), "the outputs")
                .ConfigureAwait(false);
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
            log.Information("Stopped in {Elapsed} ms", stopwatch.ElapsedMilliseconds);
        }

        return ExitCode.Success;
    }

    /// <summary>What the outputs may take at exit: at most 2 s, and never past the stop budget.</summary>
    private static TimeSpan OutputBudget(TimeSpan elapsed)
    {
        var left = StopBudget - elapsed - TimeSpan.FromMilliseconds(500);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left > TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : left;
    }

    private WebApplication BuildApp(DaemonState state, IPEndPoint endpoint, bool localhost, WebConfigProvider webConfig)
    {
        // The empty builder, not the slim one: no appsettings.json and environment configuration, no console logger,
        // no host filtering; each was an assembly loaded and kept in memory for nothing (docs/performance.md, Footprint).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        // The results (Results.Text...) ask the request's services for a logger factory; it has no provider.
        builder.Services.AddLogging();
        var tls = webConfig.Current.Tls;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions options)
            {
                if (tls is not null)
                {
                    TlsListener.Configure(options, tls, webConfig);
                }
            }

            if (localhost)
            {
                kestrel.ListenLocalhost(endpoint.Port, Listen);
            }
            else
            {
                kestrel.Listen(endpoint, Listen);
            }
        });
        var app = builder.Build();
        HttpEndpoints.Map(app, state);
        if (settings.Webhook is { } webhook)
        {
            Webhook.WebhookEndpoint.Map(app, webhook, state, log);
        }
        return app;
    }

    /// <summary>Expires `del ... after` series every second and samples rates for the landing page.</summary>
    private async Task HousekeepingAsync(DaemonState state)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        var limits = new LimitWarnings(log, settings.Tail.MaxLineBytes);
        var tick = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(_shutdown.Token).ConfigureAwait(false))
            {
                try
                {
                    state.Store.RunMaintenance(_time.GetUtcNow());
                    limits.Check(state.Store, state.Sources);
                    if (tick++ % 5 == 0)
                    {
                        state.Rates.Take();
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    log.Error(e, "Housekeeping failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Says what the daemon serves, and every --logs entry that follows nothing yet.</summary>
    private void LogStart(DaemonState state, Tailer tailer)
    {
        foreach (var spec in tailer.Specs.Where(s => s.Following == 0 || !s.Served))
        {
            if (!spec.Watched)
            {
                log.Error("--logs {Source} matches no file and its directory does not exist; not ready until it does", spec.Source);
            }
            else if (spec.Unopened == 0)
            {
                log.Warning("--logs {Source} matches no file yet; waiting for one to appear", spec.Source);
            }
        }

        if (state.NotReadyBecause() is { } reason)
        {
            log.Warning("Not ready: {Reason}", reason);
        }
        else
        {
            log.Information("Ready: following {Sources}", settings.Tail.Sources);
        }
    }

    private IDisposable RegisterSignals()
    {
        var registrations = new List<PosixSignalRegistration>
        {
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop),
        };
        if (!OperatingSystem.IsWindows())
        {
            registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                _ = ReloadAsync(_programs, "SIGHUP");
            }));
        }

        return new Registrations(registrations);
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        log.Information("Received {Signal}", context.Signal);
        _shutdown.Cancel();
    }

    private FileSystemWatcher? WatchPrograms(ProgramSet programs)
    {
        var directory = Directory.Exists(programs.Path) ? programs.Path : Path.GetDirectoryName(programs.Path);
        if (directory is null || !Directory.Exists(directory))
        {
            return null;
        }

        var watcher = new FileSystemWatcher(directory)
        {
            Filter = Directory.Exists(programs.Path) ? "*" : Path.GetFileName(programs.Path),
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            IncludeSubdirectories = false,
        };
        var debounce = new Timer(_ => _ = ReloadAsync(programs, "programs changed"));
        void Changed(object sender, FileSystemEventArgs e) => debounce.Change(settings.ReloadDebounce, Timeout.InfiniteTimeSpan);
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += (sender, e) => Changed(sender, e);
        watcher.Error += (_, e) =>
        {
            log.Warning("Watching {Directory} failed: {Error}; reloading", directory, e.GetException().Message);
            Changed(watcher, new FileSystemEventArgs(WatcherChangeTypes.All, directory, null));
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private async Task ReloadAsync(ProgramSet? programs, string reason)
    {
        if (programs is null || _shutdown.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await programs.ReloadAsync(reason).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.Error(e, "Reload ({Reason}) failed", reason);
        }
    }

    private async Task WithinAsync(Task task, TimeSpan budget, string what)
    {
        try
        {
            await task.WaitAsync(budget > TimeSpan.Zero ? budget : TimeSpan.FromMilliseconds(1)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            log.Warning("Stopping {What} took longer than {Budget}; exiting anyway", what, budget);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.Error(e, "Stopping {What} failed", what);
        }
    }

    private sealed class Registrations(List<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose() => registrations.ForEach(r => r.Dispose());
    }
}
