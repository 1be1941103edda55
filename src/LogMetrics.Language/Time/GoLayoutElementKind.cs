namespace LogMetrics.Language.Time;

/// <summary>The elements of a Go reference-time layout (time/format.go's std* codes).</summary>
internal enum GoLayoutElementKind
{
    Literal,
    LongMonth,          // January
    Month,              // Jan
    NumMonth,           // 1
    ZeroMonth,          // 01
    LongWeekDay,        // Monday
    WeekDay,            // Mon
    Day,                // 2
    UnderDay,           // _2
    ZeroDay,            // 02
    UnderYearDay,       // __2
    ZeroYearDay,        // 002
    Hour,               // 15
    Hour12,             // 3
    ZeroHour12,         // 03
    Minute,             // 4
    ZeroMinute,         // 04
    Second,             // 5
    ZeroSecond,         // 05
    LongYear,           // 2006
    Year,               // 06
    PM,                 // PM
    LowerPM,            // pm
    TZ,                 // MST
    ISO8601TZ,          // Z0700
    ISO8601SecondsTZ,   // Z070000
    ISO8601ShortTZ,     // Z07
    ISO8601ColonTZ,     // Z07:00
    ISO8601ColonSecondsTZ, // Z07:00:00
    NumTZ,              // -0700
    NumSecondsTZ,       // -070000
    NumShortTZ,         // -07
    NumColonTZ,         // -07:00
    NumColonSecondsTZ,  // -07:00:00
    FracSecond0,        // .000 or ,000: exactly that many digits
    FracSecond9,        // .999 or ,999: optional, any number of digits
}
