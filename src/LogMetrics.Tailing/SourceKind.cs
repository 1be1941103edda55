namespace LogMetrics.Tailing;

/// <summary>What a source spec names.</summary>
internal enum SourceKind
{
    Files,
    Stdin,
    Unix,
    Tcp,
    Udp,
}
