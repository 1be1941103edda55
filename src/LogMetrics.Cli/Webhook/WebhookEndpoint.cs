using LogMetrics.Cli.Daemon;
using LogMetrics.Lines;
using LogMetrics.Metrics;
using LogMetrics.Tailing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Serilog;

namespace LogMetrics.Cli.Webhook;

/// <summary>
/// `POST {path}`: the webhook input on the daemon's HTTP server, behind the same TLS and basic auth as /metrics.
/// The body's lines go to every program as one batch from the source "webhook"; a body that cannot be read gets
/// 400 and is counted (logmetrics_webhook_requests_total{status="bad"}), a too large one 413; before the daemon is
/// ready (programs loaded) a request gets 503, so that no line is taken and lost.
/// </summary>
internal sealed class WebhookEndpoint
{
    private readonly WebhookSettings _settings;
    private readonly DaemonState _state;
    private readonly ILogger _log;
    private readonly Lock _order = new();
    private readonly Series _ok;
    private readonly Series _bad;
    private readonly Series _lines;
    private readonly Series _tooLarge;

    private WebhookEndpoint(WebhookSettings settings, DaemonState state, ILogger log)
    {
        _settings = settings;
        _state = state;
        _log = log;
        var requests = state.Store.Register(new MetricDescriptor
        {
            Name = "logmetrics_webhook_requests_total",
            ExportName = "logmetrics_webhook_requests_total",
            Kind = MetricKind.Counter,
            ValueType = MetricValueType.Int,
            LabelNames = ["status"],
            Help = "Webhook requests by outcome: ok, bad (400: the body could not be read) or too_large (413).",
        });
        _ok = Get(requests, "ok");
        _bad = Get(requests, "bad");
        _tooLarge = Get(requests, "too_large");
        _lines = state.Store.Register(new MetricDescriptor
        {
            Name = "logmetrics_webhook_lines_total",
            ExportName = "logmetrics_webhook_lines_total",
            Kind = MetricKind.Counter,
            ValueType = MetricValueType.Int,
            Help = "Lines received through the webhook.",
        }).Scalar;
    }

    public static void Map(WebApplication app, WebhookSettings settings, DaemonState state, ILogger log)
    {
        var endpoint = new WebhookEndpoint(settings, state, log);
        app.MapPost(settings.Path, async context => await (await endpoint.HandleAsync(context)).ExecuteAsync(context));
        log.Information("Webhook input on POST {Path} ({Format})", settings.Path, settings.Format);
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        if (!_state.Started)
        {
            // Before the programs are loaded the lines would reach no program: the sender retries instead.
            return Results.Text("Not ready: programs are still being loaded\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            if (body.Length + read > _settings.MaxBodyBytes)
            {
                _tooLarge.AddInt(1, now);
                return Results.Text($"body larger than {_settings.MaxBodyBytes} bytes\n", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            body.Write(buffer, 0, read);
        }

        if (!WebhookBodyReader.TryRead(_settings, body.GetBuffer().AsSpan(0, (int)body.Length), out var lines, out var error))
        {
            _bad.AddInt(1, now);
            _log.Warning("Webhook body rejected: {Error}", error);
            return Results.Text(error + "\n", statusCode: StatusCodes.Status400BadRequest);
        }

        var text = new System.Text.StringBuilder();
        var starts = new int[lines.Count];
        var lengths = new int[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            // A line holds no line break: what a selected JSON string spans is read as one line.
            var line = lines[i].Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
            starts[i] = text.Length;
            lengths[i] = line.Length;
            text.Append(line).Append('\n');
        }

        lock (_order)
        {
            _state.Engine.OnLines(new LineBatch("webhook", text.ToString(), starts, lengths, lines.Count, now));
        }

        _ok.AddInt(1, now);
        _lines.AddInt(lines.Count, now);
        return Results.Text($"{lines.Count} line(s)\n");
    }

    private static Series Get(MetricFamily family, string status)
    {
        var labels = new LabelValuesBuilder();
        labels.Add(status);
        return family.GetOrAdd(labels)!;
    }
}
