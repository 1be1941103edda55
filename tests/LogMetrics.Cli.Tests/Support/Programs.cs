namespace LogMetrics.Cli.Tests.Support;

/// <summary>Small programs and logs the command tests share.</summary>
internal static class Programs
{
    public const string Web = """
        # Counts requests by method.
        counter requests_total by method
        gauge last_size_bytes

        /^(?P<method>[A-Z]+) \S+ (?P<size>\d+)$/ {
          requests_total[$method]++
          last_size_bytes = $size
        }
        """;

    public const string Lines = """
        counter lines_total

        /$/ {
          lines_total++
        }
        """;

    /// <summary>Uses a variable it never declared: a binding error.</summary>
    public const string Broken = """
        counter errors_total

        /error/ {
          erors_total++
        }
        """;

    public const string WebLog = "GET /a 10\nPOST /b 20\nGET /c 30\nnot a request\n";
}
