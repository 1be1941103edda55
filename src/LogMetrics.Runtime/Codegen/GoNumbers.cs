namespace LogMetrics.Runtime.Codegen;

/// <summary>Go's number semantics where mtail's VM relies on them: float parsing, float-to-int conversion, integer power.</summary>
internal static class GoNumbers
{
    /// <summary>strconv.ParseFloat(text, 64) without its error: Go's syntax, which .NET's parser does not match.</summary>
    public static bool TryParseFloat(ReadOnlySpan<char> text, out double value) => GoStrconv.TryParseFloat(text, out value, out _);

    /// <summary>mtail's ipow: int64(math.Pow(float64(a), float64(b))), so `1 ** -1` is 1 and `2 ** -1` is 0.</summary>
    public static long IntPower(long a, long b) => FloatToInt(Math.Pow(a, b));

    /// <summary>Go's int64(f) on amd64: truncation, and the minimum Int64 for NaN and values out of range.</summary>
    public static long FloatToInt(double value) =>
        double.IsNaN(value) || value >= 9.2233720368547758E18 || value < -9.2233720368547758E18 ? long.MinValue : (long)value;

    /// <summary>Division rounding toward negative infinity (timestamp() of a time before 1970).</summary>
    public static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
