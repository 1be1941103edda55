using LogMetrics.Cli.OneShot;

namespace LogMetrics.Cli.Daemon;

/// <summary>Chooses the /metrics format and encoding from the request headers.</summary>
internal static class ContentNegotiation
{
    /// <summary>OpenMetrics when the Accept header lists application/openmetrics-text with q &gt; 0; else Prometheus text 0.0.4.</summary>
    public static ExpositionFormat ChooseFormat(string? accept) =>
        Accepts(accept, "application/openmetrics-text") ? ExpositionFormat.OpenMetrics : ExpositionFormat.Prometheus;

    public static bool AcceptsGzip(string? acceptEncoding) => Accepts(acceptEncoding, "gzip");

    /// <summary>True when the comma-separated header lists the token with a q value above 0 (absent q means 1).</summary>
    public static bool Accepts(string? header, string token)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        foreach (var entry in header.Split(','))
        {
            var parts = entry.Split(';', StringSplitOptions.TrimEntries);
            if (!parts[0].Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var q = 1.0;
            foreach (var parameter in parts.Skip(1))
            {
                var pair = parameter.Split('=', 2, StringSplitOptions.TrimEntries);
                if (pair.Length == 2 && pair[0].Equals("q", StringComparison.OrdinalIgnoreCase)
                    && !double.TryParse(pair[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out q))
                {
                    q = 0;
                }
            }

            if (q > 0)
            {
                return true;
            }
        }

        return false;
    }
}
