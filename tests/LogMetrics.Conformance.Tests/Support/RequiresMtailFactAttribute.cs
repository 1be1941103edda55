namespace LogMetrics.Conformance.Tests.Support;

/// <summary>A fact that is skipped where the reference mtail binary is not installed.</summary>
internal sealed class RequiresMtailFactAttribute : FactAttribute
{
    public RequiresMtailFactAttribute()
    {
        if (!Mtail.IsInstalled)
        {
            Skip = Mtail.NotInstalled;
        }
    }
}
