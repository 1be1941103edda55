namespace LogMetrics.Language.Patterns;

/// <summary>The type inferred for a capture group, the way mtail infers it.</summary>
public enum CaptureType
{
    String,
    Int,
    Float,
}
