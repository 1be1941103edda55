namespace LogMetrics.Benchmarks;

/// <summary>Lines in the shape of bench/gen_access_log.py's output, and mtail's apache_combined pattern.</summary>
internal static class ApacheLines
{
    public static readonly string[] Lines =
    [
        "203.0.113.9 - - [14/Nov/2023:22:13:20 +0000] \"GET /api/v1/users HTTP/1.1\" 200 1834 \"https://example.com/\" \"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36\"",
        "198.51.100.23 - user17 [14/Nov/2023:22:13:21 +0000] \"POST /login HTTP/1.1\" 302 512 \"-\" \"curl/8.4.0\"",
        "2001:db8::1f3a - - [14/Nov/2023:22:13:21 +0000] \"GET /static/app.js?page=3&q=item42 HTTP/1.1\" 304 - \"https://www.google.com/search?q=shop\" \"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15\"",
        "192.0.2.77 - - [14/Nov/2023:22:13:22 +0000] \"DELETE /api/v2/items/4711 HTTP/1.1\" 404 153 \"https://example.com/cart\" \"python-requests/2.31.0\"",
        "203.0.113.200 - - [14/Nov/2023:22:13:22 +0000] \"GET /health HTTP/1.1\" 200 2 \"-\" \"Prometheus/2.48.0\"",
        "198.51.100.4 - - [14/Nov/2023:22:13:23 +0000] \"GET /blog/815/comments HTTP/1.1\" 500 48211 \"-\" \"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)\"",
        "192.0.2.1 - - [14/Nov/2023:22:13:23 +0000] \"HEAD / HTTP/1.1\" 200 - \"-\" \"Go-http-client/1.1\"",
        "not an access log line at all",
    ];

    /// <summary>The concatenated regex of mtail's examples/apache_combined.mtail.</summary>
    public const string ApacheCombinedPattern =
        @"^(?P<hostname>[0-9A-Za-z\.:-]+) (?P<remote_logname>[0-9A-Za-z-]+) (?P<remote_username>[0-9A-Za-z-]+) " +
        @"\[(?P<timestamp>\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} (\+|-)\d{4})\] " +
        @"""(?P<request_method>[A-Z]+) (?P<URI>\S+) (?P<http_version>HTTP\/[0-9\.]+)"" (?P<request_status>\d{3}) " +
        @"((?P<response_size>\d+)|-) ""(?P<referer>\S+)"" ""(?P<user_agent>[[:print:]]+)""$";

    /// <summary>A program equivalent to apache_combined.mtail, for the engine benchmark.</summary>
    public const string ApacheCombinedProgram = """
        counter apache_http_requests_total by request_method, http_version, request_status
        counter apache_http_bytes_total by request_method, http_version, request_status

        /^(?P<hostname>[0-9A-Za-z\.:-]+) (?P<remote_logname>[0-9A-Za-z-]+) (?P<remote_username>[0-9A-Za-z-]+) / +
        /\[(?P<timestamp>\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} (\+|-)\d{4})\] / +
        /"(?P<request_method>[A-Z]+) (?P<URI>\S+) (?P<http_version>HTTP\/[0-9\.]+)" (?P<request_status>\d{3}) / +
        /((?P<response_size>\d+)|-) "(?P<referer>\S+)" "(?P<user_agent>[[:print:]]+)"$/ {
          strptime($timestamp, "02/Jan/2006:15:04:05 -0700")
          apache_http_requests_total[$request_method][$http_version][$request_status]++
          $response_size > 0 {
            apache_http_bytes_total[$request_method][$http_version][$request_status] += $response_size
          }
        }

        """;
}
