using System.IO.Compression;
using LogMetrics.Cli.OneShot;
using LogMetrics.Cli.Web;
using LogMetrics.Metrics.Exposition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Prometheus;
using ExpositionFormat = LogMetrics.Cli.OneShot.ExpositionFormat;

namespace LogMetrics.Cli.Daemon;

/// <summary>Maps /metrics, /json, /-/healthy, /-/ready, /-/reload and the landing page, behind basic auth.</summary>
internal static class HttpEndpoints
{
    public static void Map(WebApplication app, DaemonState state)
    {
        var authenticator = new BasicAuthenticator();
        app.UseRouting();
        // prometheus-net leaves /metrics out by default; here scrapes are most of the traffic worth watching.
        app.UseHttpMetrics(options => options.CaptureMetricsUrl = true);
        app.Use(async (context, next) =>
        {
            if (!authenticator.IsAuthorized(context.Request.Headers.Authorization, state.WebConfig.Current.Users))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"logmetrics\"";
                return;
            }

            await next(context);
        });

        // Every handler is a RequestDelegate: a handler of another shape goes through RequestDelegateFactory, which
        // builds it with System.Linq.Expressions at start (2.4 MB of RSS kept for the process's life).
        app.MapGet("/metrics", context =>
        {
            state.SelfMetrics.Refresh();
            var format = ContentNegotiation.ChooseFormat(context.Request.Headers.Accept);
            var contentType = format == ExpositionFormat.OpenMetrics ? OpenMetricsWriter.ContentType : PrometheusTextWriter.ContentType;
            return Render(context, format, contentType, state);
        });
        app.MapGet("/json", context => Render(context, ExpositionFormat.Json, JsonWriter.ContentType, state));
        app.MapGet("/-/healthy", context => Results.Text("Healthy\n").ExecuteAsync(context));
        app.MapGet("/-/ready", context => (state.NotReadyBecause() is { } reason
            ? Results.Text($"Not ready: {reason}\n", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("Ready\n")).ExecuteAsync(context));
        app.MapPost("/-/reload", async context =>
        {
            var summary = await state.Programs.ReloadAsync("POST /-/reload");
            await Results.Text(summary.Describe(), statusCode: summary.Success ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError)
                .ExecuteAsync(context);
        });
        app.MapGet("/-/status.json", context => Results.Content(StatusSnapshot.Render(state), "application/json; charset=utf-8").ExecuteAsync(context));
        app.MapPost("/-/explain", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var lines = body.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
            await Results.Content(StatusSnapshot.Explain(state, lines), "application/json; charset=utf-8").ExecuteAsync(context);
        });
        app.MapGet("/", context => Results.Content(
            LandingPage.Render(StatusSnapshot.Build(state), state.StartedAt),
            "text/html; charset=utf-8").ExecuteAsync(context));
    }

    /// <summary>Renders a snapshot of the store (so a reload never breaks a scrape) into memory, then (text formats)
    /// the daemon's own prometheus-net metrics, gzipped when asked.</summary>
    private static async Task Render(HttpContext context, ExpositionFormat format, string contentType, DaemonState state)
    {
        var families = state.Store.Snapshot();
        var body = new MemoryStream();
        format.Write(body, families, state.Exposition);
        if (format != ExpositionFormat.Json)
        {
            await state.OwnMetrics.AppendAsync(body, format, context.RequestAborted);
        }

        var gzip = ContentNegotiation.AcceptsGzip(context.Request.Headers.AcceptEncoding);
        if (gzip)
        {
            var compressed = new MemoryStream();
            using (var compressor = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                compressor.Write(body.GetBuffer(), 0, (int)body.Length);
            }

            await body.DisposeAsync();
            body = compressed;
        }

        context.Response.ContentType = contentType;
        context.Response.Headers.Vary = "Accept, Accept-Encoding";
        if (gzip)
        {
            context.Response.Headers.ContentEncoding = "gzip";
        }

        context.Response.ContentLength = body.Length;
        await using (body)
        {
            await context.Response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), context.RequestAborted);
        }
    }
}
