namespace LogMetrics.Tailing;

/// <summary>How each raw line is decoded before programs see it.</summary>
public enum LogFormat
{
    /// <summary>Lines as they are.</summary>
    Plain,

    /// <summary>Docker json-file: {"log":"...\n","stream":"stdout","time":"..."}.</summary>
    Docker,

    /// <summary>Kubernetes CRI: "TIME STREAM P|F message", partial lines joined.</summary>
    Cri,
}
