using System.Globalization;

namespace LogMetrics.Runtime.Codegen;

/// <summary>Go's strconv.ParseFloat(s, 64), which mtail uses for every Float conversion.</summary>
internal static class GoStrconv
{
    /// <summary>
    /// Decimal (`1e3`, `.5`, `5.`) and hexadecimal (`0x1p-2`, a `p` exponent required) numbers with an optional sign,
    /// `_` between digits, `inf`/`infinity` with an optional sign and `nan`, case-insensitively; no spaces. A number
    /// too large for a double is an error (<paramref name="outOfRange"/>), one too small is 0, as in Go.
    /// </summary>
    public static bool TryParseFloat(ReadOnlySpan<char> text, out double value, out bool outOfRange)
    {
        value = 0;
        outOfRange = false;
        if (text.IsEmpty)
        {
            return false;
        }

        if (TrySpecial(text, out value))
        {
            return true;
        }

        var negative = text[0] == '-';
        var body = text[0] is '+' or '-' ? text[1..] : text;
        var hex = body.Length >= 2 && body[0] == '0' && (body[1] | 0x20) == 'x';
        if (!UnderscoresAllowed(body, hex))
        {
            return false;
        }

        Span<char> buffer = body.Length <= 256 ? stackalloc char[body.Length] : new char[body.Length];
        var length = 0;
        foreach (var c in body)
        {
            if (c != '_')
            {
                buffer[length++] = c;
            }
        }

        var digits = buffer[..length];
        var parsed = hex ? TryParseHex(digits[2..], out value) : TryParseDecimal(digits, out value);
        if (!parsed)
        {
            return false;
        }

        if (double.IsInfinity(value))
        {
            outOfRange = true;
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>Go's special(): [+-]inf, [+-]infinity, nan (no sign), any case, and nothing after.</summary>
    private static bool TrySpecial(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var sign = 1.0;
        var rest = text;
        if (rest[0] is '+' or '-')
        {
            sign = rest[0] == '-' ? -1 : 1;
            rest = rest[1..];
        }
        else if (rest.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (rest.Equals("inf", StringComparison.OrdinalIgnoreCase) || rest.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = sign * double.PositiveInfinity;
            return true;
        }

        return false;
    }

    /// <summary>Go's underscoreOK: each `_` sits between digits, or between the base prefix and a digit.</summary>
    private static bool UnderscoresAllowed(ReadOnlySpan<char> body, bool hex)
    {
        var saw = '^';
        var i = 0;
        if (hex)
        {
            i = 2;
            saw = '0';
        }

        for (; i < body.Length; i++)
        {
            var c = body[i];
            if (char.IsAsciiDigit(c) || (hex && char.IsAsciiHexDigit(c)))
            {
                saw = '0';
                continue;
            }

            if (c == '_')
            {
                if (saw != '0')
                {
                    return false;
                }

                saw = '_';
                continue;
            }

            if (saw == '_')
            {
                return false;
            }

            saw = '!';
        }

        return saw != '_';
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> digits, out double value)
    {
        value = 0;
        var i = 0;
        var mantissaDigits = 0;
        while (i < digits.Length && char.IsAsciiDigit(digits[i]))
        {
            i++;
            mantissaDigits++;
        }

        if (i < digits.Length && digits[i] == '.')
        {
            i++;
            while (i < digits.Length && char.IsAsciiDigit(digits[i]))
            {
                i++;
                mantissaDigits++;
            }
        }

        if (mantissaDigits == 0)
        {
            return false;
        }

        if (i < digits.Length && (digits[i] | 0x20) == 'e')
        {
            i++;
            if (i < digits.Length && digits[i] is '+' or '-')
            {
                i++;
            }

            var exponentDigits = 0;
            while (i < digits.Length && char.IsAsciiDigit(digits[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        // The syntax is Go's; .NET rounds correctly from here.
        return i == digits.Length
            && double.TryParse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseHex(ReadOnlySpan<char> digits, out double value)
    {
        value = 0;
        ulong mantissa = 0;
        var sticky = false;
        long exponent = 0;
        var mantissaDigits = 0;
        var sawDot = false;
        var i = 0;
        for (; i < digits.Length; i++)
        {
            var c = digits[i];
            if (c == '.' && !sawDot)
            {
                sawDot = true;
                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                break;
            }

            mantissaDigits++;
            var digit = (ulong)Convert.ToInt32(c.ToString(), 16);
            if (mantissa >> 56 == 0)
            {
                mantissa = (mantissa << 4) | digit;
                if (sawDot)
                {
                    exponent -= 4;
                }
            }
            else
            {
                sticky |= digit != 0;
                if (!sawDot)
                {
                    exponent += 4;
                }
            }
        }

        // A hexadecimal mantissa needs a p exponent.
        if (mantissaDigits == 0 || i >= digits.Length || (digits[i] | 0x20) != 'p')
        {
            return false;
        }

        i++;
        var negative = false;
        if (i < digits.Length && digits[i] is '+' or '-')
        {
            negative = digits[i] == '-';
            i++;
        }

        long power = 0;
        var powerDigits = 0;
        for (; i < digits.Length && char.IsAsciiDigit(digits[i]); i++)
        {
            power = Math.Min(power * 10 + (digits[i] - '0'), 100_000);
            powerDigits++;
        }

        if (powerDigits == 0 || i != digits.Length)
        {
            return false;
        }

        exponent += negative ? -power : power;
        // The sticky bit keeps the digits beyond 60 bits from rounding twice.
        value = Math.ScaleB(mantissa | (sticky ? 1UL : 0UL), (int)Math.Clamp(exponent, -100_000, 100_000));
        return true;
    }
}
