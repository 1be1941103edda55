namespace LogMetrics.Tailing.Records;

/// <summary>How a multiline rule's regex decides where a record begins.</summary>
public enum MultilineMode
{
    /// <summary>A line that matches starts a new record; the lines that do not belong to the record before them.</summary>
    Start,

    /// <summary>A line that matches belongs to the record before it; a line that does not starts a new record.</summary>
    Continue,
}
