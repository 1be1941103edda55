using System.Globalization;

namespace LogMetrics.Runtime;

/// <summary>Go's fmt %g for float64 (shortest digits; exponent form below 1e-4 and from 1e6, as Go picks for the shortest precision).</summary>
internal static class GoFormat
{
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        // Shortest round-trip digits and decimal exponent.
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        string digits;
        int exponent;
        var ePos = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = ePos >= 0 ? r[..ePos] : r;
        var extra = ePos >= 0 ? int.Parse(r[(ePos + 1)..], CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        var all = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - all.Length;
        digits = all.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        // Decimal point position relative to the first significant digit.
        exponent = intPart.Length - leadingZeros - 1 + extra;
        var sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6)
        {
            var m = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            return $"{sign}{m}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }

        if (exponent >= digits.Length - 1)
        {
            return sign + digits + new string('0', exponent - digits.Length + 1);
        }

        if (exponent >= 0)
        {
            return sign + digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
        }

        return sign + "0." + new string('0', -exponent - 1) + digits;
    }
}
