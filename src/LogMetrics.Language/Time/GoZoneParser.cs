namespace LogMetrics.Language.Time;

/// <summary>What the zone elements of a layout read from a value: `Z` or UTC, a numeric offset, or an abbreviation.</summary>
internal ref struct GoZoneRead
{
    public bool Utc;
    public bool HasOffset;
    public int OffsetSeconds;
    public ReadOnlySpan<char> Name;
}

/// <summary>Go's time.Parse for the zone elements (Z07:00, -0700, MST, ...) and the offset they give a wall-clock time.</summary>
internal static class GoZoneParser
{
    /// <summary>Reads one zone element from the front of <paramref name="value"/>; false when the value does not fit it.</summary>
    public static bool TryRead(GoLayoutElementKind kind, ref ReadOnlySpan<char> value, ref GoZoneRead read)
    {
        switch (kind)
        {
            case GoLayoutElementKind.ISO8601TZ:
            case GoLayoutElementKind.ISO8601SecondsTZ:
            case GoLayoutElementKind.ISO8601ShortTZ:
            case GoLayoutElementKind.ISO8601ColonTZ:
            case GoLayoutElementKind.ISO8601ColonSecondsTZ:
                if (value.Length >= 1 && value[0] == 'Z')
                {
                    value = value[1..];
                    read.Utc = true;
                    return true;
                }

                return ReadNumeric(kind, ref value, ref read);
            case GoLayoutElementKind.TZ:
                if (value.StartsWith("UTC", StringComparison.Ordinal))
                {
                    read.Utc = true;
                    value = value[3..];
                    return true;
                }

                var n = ZoneNameLength(value);
                if (n <= 0)
                {
                    return false;
                }

                read.Name = value[..n];
                value = value[n..];
                return true;
            default:
                return ReadNumeric(kind, ref value, ref read);
        }
    }

    /// <summary>The offset from UTC, in seconds, of the wall-clock time <paramref name="wall"/> (seconds since
    /// 1970-01-01 00:00 local): `Z`/UTC first, then a numeric offset, then an abbreviation, else the location's own.</summary>
    public static int Offset(in GoZoneRead read, TimeZoneInfo zone, long wall)
    {
        if (read.Utc)
        {
            return 0;
        }

        if (read.HasOffset)
        {
            return read.OffsetSeconds;
        }

        return read.Name.IsEmpty ? WallOffset(zone, wall) : NamedZoneOffset(read.Name, zone, wall);
    }

    private static bool ReadNumeric(GoLayoutElementKind kind, ref ReadOnlySpan<char> value, ref GoZoneRead read)
    {
        if (!ParseNumericZone(kind, ref value, out var offset))
        {
            return false;
        }

        read.OffsetSeconds = offset;
        read.HasOffset = true;
        return true;
    }

    private static bool ParseNumericZone(GoLayoutElementKind kind, ref ReadOnlySpan<char> value, out int offset)
    {
        offset = 0;
        // Positions of the hour, minute and second digits; -1 means "00".
        int hh = 1, mm, ss = -1, consumed;
        switch (kind)
        {
            case GoLayoutElementKind.ISO8601ColonTZ or GoLayoutElementKind.NumColonTZ:
                if (value.Length < 6 || value[3] != ':')
                {
                    return false;
                }

                (mm, consumed) = (4, 6);
                break;
            case GoLayoutElementKind.ISO8601ShortTZ or GoLayoutElementKind.NumShortTZ:
                if (value.Length < 3)
                {
                    return false;
                }

                (mm, consumed) = (-1, 3);
                break;
            case GoLayoutElementKind.ISO8601ColonSecondsTZ or GoLayoutElementKind.NumColonSecondsTZ:
                if (value.Length < 9 || value[3] != ':' || value[6] != ':')
                {
                    return false;
                }

                (mm, ss, consumed) = (4, 7, 9);
                break;
            case GoLayoutElementKind.ISO8601SecondsTZ or GoLayoutElementKind.NumSecondsTZ:
                if (value.Length < 7)
                {
                    return false;
                }

                (mm, ss, consumed) = (3, 5, 7);
                break;
            default:
                if (value.Length < 5)
                {
                    return false;
                }

                (mm, consumed) = (3, 5);
                break;
        }

        if (!TwoDigits(value, hh, out var h) || !TwoDigits(value, mm, out var m) || !TwoDigits(value, ss, out var s) || h > 24 || m > 60 || s > 60)
        {
            return false;
        }

        offset = (h * 60 + m) * 60 + s;
        switch (value[0])
        {
            case '+':
                break;
            case '-':
                offset = -offset;
                break;
            default:
                return false;
        }

        value = value[consumed..];
        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> value, int at, out int result)
    {
        result = 0;
        if (at < 0)
        {
            return true;
        }

        if (!GoTimeLayout.IsDigit(value, at) || !GoTimeLayout.IsDigit(value, at + 1))
        {
            return false;
        }

        result = (value[at] - '0') * 10 + (value[at + 1] - '0');
        return true;
    }

    /// <summary>Go's parseTimeZone: how much of the value looks like a zone abbreviation (MST, CEST, GMT+3, +03), or 0.</summary>
    private static int ZoneNameLength(ReadOnlySpan<char> value)
    {
        if (value.Length < 3)
        {
            return 0;
        }

        if (value.Length >= 4 && (value.StartsWith("ChST", StringComparison.Ordinal) || value.StartsWith("MeST", StringComparison.Ordinal)))
        {
            return 4;
        }

        if (value.StartsWith("GMT", StringComparison.Ordinal))
        {
            return value.Length == 3 ? 3 : 3 + SignedOffsetLength(value[3..]);
        }

        if (value[0] is '+' or '-')
        {
            return SignedOffsetLength(value);
        }

        var upper = 0;
        while (upper < 6 && upper < value.Length && value[upper] is >= 'A' and <= 'Z')
        {
            upper++;
        }

        return upper switch
        {
            3 => 3,
            4 when value[3] == 'T' || value.StartsWith("WITA", StringComparison.Ordinal) => 4,
            5 when value[4] == 'T' => 5,
            _ => 0,
        };
    }

    private static int SignedOffsetLength(ReadOnlySpan<char> value)
    {
        if (value.Length == 0 || value[0] is not ('+' or '-'))
        {
            return 0;
        }

        var n = 1;
        var x = 0L;
        while (n < value.Length && char.IsAsciiDigit(value[n]))
        {
            x = Math.Min(x * 10 + (value[n] - '0'), 1000);
            n++;
        }

        return n == 1 || x > 23 ? 0 : n;
    }

    /// <summary>The offset for a zone abbreviation: the location's own standard or daylight name, GMT+N, or else 0 as Go does.</summary>
    private static int NamedZoneOffset(ReadOnlySpan<char> name, TimeZoneInfo zone, long wall)
    {
        if (name.Equals(zone.StandardName, StringComparison.Ordinal))
        {
            return (int)zone.BaseUtcOffset.TotalSeconds;
        }

        if (zone.SupportsDaylightSavingTime && name.Equals(zone.DaylightName, StringComparison.Ordinal))
        {
            var offset = WallOffset(zone, wall);
            var standard = (int)zone.BaseUtcOffset.TotalSeconds;
            return offset != standard ? offset : standard + 3600;
        }

        if (name.Length > 3 && name.StartsWith("GMT", StringComparison.Ordinal))
        {
            var sign = name[3] == '-' ? -1 : 1;
            var hours = 0;
            foreach (var c in name[4..])
            {
                hours = hours * 10 + (c - '0');
            }

            return sign * hours * 3600;
        }

        return 0;
    }

    /// <summary>The zone's offset for a wall-clock time given as seconds since 1970-01-01 00:00 local.</summary>
    private static int WallOffset(TimeZoneInfo zone, long wall)
    {
        if (zone == TimeZoneInfo.Utc || wall < -62135596800L || wall > 253402300799L)
        {
            // Outside DateTime's range (year 0, say) the zone's base offset is the best answer there is.
            return (int)zone.BaseUtcOffset.TotalSeconds;
        }

        var ticks = DateTime.UnixEpoch.Ticks + wall * TimeSpan.TicksPerSecond;
        return (int)zone.GetUtcOffset(new DateTime(ticks, DateTimeKind.Unspecified)).TotalSeconds;
    }
}
