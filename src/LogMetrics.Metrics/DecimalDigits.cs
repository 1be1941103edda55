using System.Globalization;

namespace LogMetrics.Metrics;

/// <summary>
/// The shortest decimal digits that round-trip a finite double, as Go's strconv computes them:
/// value = 0.{Digits} * 10^{DecimalPoint}. Zero has no digits.
/// </summary>
internal ref struct DecimalDigits
{
    public const int MaxDigits = 17;

    public Span<char> Digits;
    public int Count;
    public int DecimalPoint;

    /// <summary>Fills <paramref name="digits"/> (at least 32 chars) from |value|; value must be finite.</summary>
    public static DecimalDigits Of(double value, Span<char> digits)
    {
        var result = new DecimalDigits { Digits = digits, Count = 0, DecimalPoint = 0 };
        value = Math.Abs(value);
        if (value == 0)
        {
            return result;
        }

        // .NET's "R" is the shortest round-trip representation (like Go's shortest mode); it only differs in
        // when it switches to exponent form, so parse its digits and exponent back out.
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture);
        text = text[..written];

        var exponent = 0;
        var e = text.IndexOfAny('E', 'e');
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var integerDigits = text.IndexOf('.');
        if (integerDigits < 0)
        {
            integerDigits = text.Length;
        }

        var count = 0;
        var point = integerDigits + exponent;
        var leading = true;
        foreach (var c in text)
        {
            if (c == '.')
            {
                continue;
            }

            if (leading && c == '0')
            {
                point--;
                continue;
            }

            leading = false;
            digits[count++] = c;
        }

        while (count > 0 && digits[count - 1] == '0')
        {
            count--;
        }

        result.Count = count;
        result.DecimalPoint = count == 0 ? 0 : point;
        return result;
    }

    public readonly char DigitAt(int index) => index >= 0 && index < Count ? Digits[index] : '0';
}
