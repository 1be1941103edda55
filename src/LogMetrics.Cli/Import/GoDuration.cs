using System.Globalization;

namespace LogMetrics.Cli.Import;

/// <summary>Go's time.ParseDuration: a sequence of decimal numbers with units ns, us, µs, ms, s, m, h ("2h30m").</summary>
internal static class GoDuration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (text == "0")
        {
            return true;
        }

        var total = 0.0;
        var i = 0;
        if (text.Length == 0)
        {
            return false;
        }

        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (!double.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]) && text[i] != '.')
            {
                i++;
            }

            double? seconds = text[unitStart..i] switch
            {
                "ns" => 1e-9,
                "us" or "µs" or "μs" => 1e-6,
                "ms" => 1e-3,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => null,
            };
            if (seconds is null)
            {
                return false;
            }

            total += number * seconds.Value;
        }

        if (total > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(total);
        return true;
    }

    /// <summary>Writes a duration in the language's syntax (e.g. 1h30m, 90s, 250ms).</summary>
    public static string Format(TimeSpan value)
    {
        var ms = (long)Math.Round(value.TotalMilliseconds);
        if (ms % 1000 != 0)
        {
            return ms.ToString(CultureInfo.InvariantCulture) + "ms";
        }

        var s = ms / 1000;
        var parts = "";
        if (s >= 3600)
        {
            parts += (s / 3600).ToString(CultureInfo.InvariantCulture) + "h";
            s %= 3600;
        }

        if (s >= 60)
        {
            parts += (s / 60).ToString(CultureInfo.InvariantCulture) + "m";
            s %= 60;
        }

        if (s > 0 || parts.Length == 0)
        {
            parts += s.ToString(CultureInfo.InvariantCulture) + "s";
        }

        return parts;
    }
}
