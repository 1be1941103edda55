namespace LogMetrics.Runtime.Matching;

/// <summary>The kinds of <see cref="SimpleNode"/>.</summary>
internal enum SimpleNodeKind
{
    Literal,
    Repeat,
    Anchor,
    Look,
    Open,
    Close,
    Alternate,
    Optional,
    LoopEnter,
    LoopTest,
    LoopBack,
    Accept,
}
