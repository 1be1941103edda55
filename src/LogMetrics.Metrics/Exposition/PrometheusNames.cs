namespace LogMetrics.Metrics.Exposition;

/// <summary>Which metric and label names Prometheus accepts, and mtail's one repair (`-` to `_`).</summary>
internal static class PrometheusNames
{
    /// <summary>The exported name with hyphens turned into underscores, or null when it is still invalid.</summary>
    public static string? MetricName(string exportName)
    {
        var name = exportName.Contains('-') ? exportName.Replace('-', '_') : exportName;
        return IsValidMetricName(name) ? name : null;
    }

    public static bool IsValidMetricName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !(char.IsAsciiLetter(name[0]) || name[0] is '_' or ':'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A label name a user may declare: [a-zA-Z_][a-zA-Z0-9_]*, not reserved (`__` prefix).</summary>
    public static bool IsValidLabelName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || name.StartsWith("__"))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
