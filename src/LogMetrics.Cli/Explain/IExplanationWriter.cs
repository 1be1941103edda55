using LogMetrics.Runtime.Explain;

namespace LogMetrics.Cli.Explain;

internal interface IExplanationWriter
{
    void Write(LineExplanation explanation);
}
