namespace LogMetrics.Runtime.Matching;

/// <summary>What <see cref="SimpleMatcher.Match"/> found.</summary>
internal enum SimpleMatchResult
{
    NoMatch,
    Matched,

    /// <summary>The search took more steps than its budget: the caller runs the regex (whose timeout then applies).</summary>
    GaveUp,
}
