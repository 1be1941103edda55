namespace LogMetrics.Conformance.Tests.Support;

/// <summary>A theory that is skipped where the reference mtail binary is not installed.</summary>
internal sealed class RequiresMtailTheoryAttribute : TheoryAttribute
{
    public RequiresMtailTheoryAttribute()
    {
        if (!Mtail.IsInstalled)
        {
            Skip = Mtail.NotInstalled;
        }
    }
}
