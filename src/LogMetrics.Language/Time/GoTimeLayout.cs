namespace LogMetrics.Language.Time;

/// <summary>A Go reference-time layout ("Mon Jan 2 15:04:05 MST 2006"), compiled once, as strptime() uses it.</summary>
public sealed class GoTimeLayout
{
    /// <summary>Compiles a layout; returns false with an error message when it cannot be used.</summary>
    public static bool TryCompile(string layout, out GoTimeLayout? result, out string? error) => throw new NotImplementedException();

    public string Layout => throw new NotImplementedException();

    /// <summary>Parses a value as Go's time.ParseInLocation does. A value without a year takes year 0, or the current year
    /// of <paramref name="now"/> when <paramref name="useCurrentYear"/> is set; a value without a zone is read in <paramref name="zone"/>.</summary>
    public bool TryParse(ReadOnlySpan<char> value, TimeZoneInfo zone, bool useCurrentYear, DateTimeOffset now, out DateTimeOffset result) => throw new NotImplementedException();
}
