namespace LogMetrics.Metrics;

/// <summary>
/// Formats doubles byte for byte as the Go code mtail and client_golang run:
/// strconv.FormatFloat(v, 'g', -1, 64), the Prometheus and OpenMetrics text writers, and encoding/json.
/// </summary>
public static class GoFloatFormatter
{
    /// <summary>Enough for any output of this type.</summary>
    public const int MaxLength = 32;

    /// <summary>strconv.FormatFloat(value, 'g', -1, 64), also fmt's %g and %v.</summary>
    public static int FormatG(double value, Span<char> destination)
    {
        if (!double.IsFinite(value))
        {
            return WriteNonFinite(value, destination);
        }

        Span<char> buffer = stackalloc char[MaxLength];
        var digits = DecimalDigits.Of(value, buffer);
        var position = 0;
        if (double.IsNegative(value))
        {
            destination[position++] = '-';
        }

        // Shortest mode: %e when the exponent is < -4 or >= 6 (eprec is fixed at 6), else %f with all digits.
        var exponent = digits.DecimalPoint - 1;
        if (digits.Count > 0 && (exponent < -4 || exponent >= 6))
        {
            return position + WriteExponent(digits, destination[position..]);
        }

        return position + WriteFixed(digits, Math.Max(digits.Count - digits.DecimalPoint, 0), destination[position..]);
    }

    public static string FormatG(double value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..FormatG(value, buffer)]);
    }

    /// <summary>client_golang's text format (expfmt writeFloat): 'g' -1, with "+Inf", "-Inf", "NaN", and 0 for -0.</summary>
    public static int FormatPrometheus(double value, Span<char> destination)
    {
        if (value == 0)
        {
            destination[0] = '0';
            return 1;
        }

        return FormatG(value, destination);
    }

    /// <summary>client_golang's OpenMetrics writer (writeOpenMetricsFloat): like 'g' -1, but integers get ".0".</summary>
    public static int FormatOpenMetrics(double value, Span<char> destination)
    {
        var length = FormatPrometheus(value, destination);
        if (!double.IsFinite(value) || destination[..length].IndexOfAny('e', '.') >= 0)
        {
            return length;
        }

        destination[length] = '.';
        destination[length + 1] = '0';
        return length + 2;
    }

    /// <summary>encoding/json's float encoding: 'f' -1, or 'e' -1 outside [1e-6, 1e21) with "e-07" trimmed to "e-7".
    /// Non-finite values have no JSON form; callers handle them.</summary>
    public static int FormatJson(double value, Span<char> destination)
    {
        if (!double.IsFinite(value))
        {
            return WriteNonFinite(value, destination);
        }

        Span<char> buffer = stackalloc char[MaxLength];
        var digits = DecimalDigits.Of(value, buffer);
        var position = 0;
        if (double.IsNegative(value))
        {
            destination[position++] = '-';
        }

        var abs = Math.Abs(value);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21))
        {
            var length = position + WriteExponent(digits, destination[position..]);
            if (length >= 4 && destination[length - 4] == 'e' && destination[length - 3] == '-' && destination[length - 2] == '0')
            {
                destination[length - 2] = destination[length - 1];
                length--;
            }

            return length;
        }

        return position + WriteFixed(digits, Math.Max(digits.Count - digits.DecimalPoint, 0), destination[position..]);
    }

    private static int WriteNonFinite(double value, Span<char> destination)
    {
        var text = double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        text.CopyTo(destination);
        return text.Length;
    }

    // Go's fmtE with precision Count-1: d.ddddde±XX, the exponent at least two digits.
    private static int WriteExponent(DecimalDigits digits, Span<char> destination)
    {
        var position = 0;
        destination[position++] = digits.Count == 0 ? '0' : digits.Digits[0];
        if (digits.Count > 1)
        {
            destination[position++] = '.';
            for (var i = 1; i < digits.Count; i++)
            {
                destination[position++] = digits.Digits[i];
            }
        }

        destination[position++] = 'e';
        var exponent = digits.Count == 0 ? 0 : digits.DecimalPoint - 1;
        destination[position++] = exponent < 0 ? '-' : '+';
        exponent = Math.Abs(exponent);
        if (exponent < 10)
        {
            destination[position++] = '0';
            destination[position++] = (char)('0' + exponent);
        }
        else if (exponent < 100)
        {
            destination[position++] = (char)('0' + exponent / 10);
            destination[position++] = (char)('0' + exponent % 10);
        }
        else
        {
            destination[position++] = (char)('0' + exponent / 100);
            destination[position++] = (char)('0' + exponent / 10 % 10);
            destination[position++] = (char)('0' + exponent % 10);
        }

        return position;
    }

    // Go's fmtF: the integer part (at least "0"), then the requested number of fraction digits.
    private static int WriteFixed(DecimalDigits digits, int fractionDigits, Span<char> destination)
    {
        var position = 0;
        if (digits.DecimalPoint > 0)
        {
            for (var i = 0; i < digits.DecimalPoint; i++)
            {
                destination[position++] = digits.DigitAt(i);
            }
        }
        else
        {
            destination[position++] = '0';
        }

        if (fractionDigits > 0)
        {
            destination[position++] = '.';
            for (var i = 1; i <= fractionDigits; i++)
            {
                destination[position++] = digits.DigitAt(digits.DecimalPoint + i - 1);
            }
        }

        return position;
    }
}
